/**
 * Files written whole or not at all ({@link lab.core.io.AtomicFiles}), one writer per output
 * directory ({@link lab.core.io.DirectoryLock}), JSON with a stable layout. Uses Jackson.
 */
package lab.core.io;
