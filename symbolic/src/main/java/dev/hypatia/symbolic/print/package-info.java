/**
 * Graphs as text: {@link dev.hypatia.symbolic.print.Printer#pp} (infix expressions), {@link
 * dev.hypatia.symbolic.print.DebugPrint} (indented trees and SSA listings with stable ids) and
 * {@link dev.hypatia.symbolic.print.DotExport} (Graphviz DOT). Printing depends only on the core
 * ({@code Op.name()}, {@code Apply}, {@code Variable}, {@code Constant}): an op prints through its
 * name, and a table keyed by name gives infix symbols.
 */
package dev.hypatia.symbolic.print;
