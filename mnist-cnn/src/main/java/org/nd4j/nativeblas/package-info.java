/**
 * A compatibility shim under DL4J&apos;s old package name, so that M2.1&apos;s oneDNN layer helpers
 * find the class they reflect on (see {@link org.nd4j.nativeblas.Nd4jCpu}). Nothing else belongs here.
 */
package org.nd4j.nativeblas;
