/**
 * Graph rewriting, as Theano's and PyTensor's rewriters: {@link dev.hypatia.optimize.Optimizer}
 * runs the {@link dev.hypatia.optimize.Phase phases} a {@link dev.hypatia.optimize.Mode} selects
 * over a {@link dev.hypatia.symbolic.FunctionGraph} (a clone: the user's graph is never touched),
 * applying local {@link dev.hypatia.optimize.Rewrite rules}, written in a small {@link
 * dev.hypatia.optimize.Pattern pattern language}, to a fixed point, and whole-graph {@link
 * dev.hypatia.optimize.GraphPass passes} (merge, constant folding, fusion). A {@link
 * dev.hypatia.optimize.RewriteLog} records which rule fired on which node.
 */
package dev.hypatia.optimize;
