/**
 * The lessons: the lesson index, the lesson texts in English and Chinese, and each lesson's
 * runnable example, whose expected output a test pins down.
 */
package loomlab.lessons;
