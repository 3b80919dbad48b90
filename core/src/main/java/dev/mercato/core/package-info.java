/** The entry point a host application builds: the {@code Commerce} facade and its wiring. */
package dev.mercato.core;
