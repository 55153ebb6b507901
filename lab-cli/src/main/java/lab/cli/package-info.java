/**
 * The command line: picks one experiment of experiments.yaml, re-launches it in a JVM pinned to
 * another instruction-set path when it asks for one, and runs it with the kinds the modules
 * declare (collected through {@code lab.core.kind}). User mistakes end as one line and an exit
 * code. The only package that sees every module; nothing depends on it.
 */
package lab.cli;
