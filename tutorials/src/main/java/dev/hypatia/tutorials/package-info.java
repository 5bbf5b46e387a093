/**
 * Runnable, tested tutorials, and {@link dev.hypatia.tutorials.Demo}, the program that README's
 * main command runs.
 */
package dev.hypatia.tutorials;
