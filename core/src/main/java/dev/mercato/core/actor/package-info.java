/**
 * Who issues a command: buyers, sellers, platform operators and system processes. Every command
 * of the facade and of the services beside it carries an {@link dev.mercato.core.actor.Actor}
 * (docs/architecture.md rule 10). A package of its own so that every domain package can name
 * actors without depending on the facade.
 */
package dev.mercato.core.actor;
