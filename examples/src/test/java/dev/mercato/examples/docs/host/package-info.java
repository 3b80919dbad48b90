/**
 * Stand-ins for the reader's own code that the doc snippets name (a payment plug-in
 * {@code AcmePayProvider}, a carrier {@code AcmeExpressCarrier}, a storage {@code MyStorage}, a
 * custom rule {@code TeaTime}, ...): just enough shape for a snippet to compile, never called.
 * Every java block of the docs imports this package (see {@code DocSnippets}).
 */
package dev.mercato.examples.docs.host;
