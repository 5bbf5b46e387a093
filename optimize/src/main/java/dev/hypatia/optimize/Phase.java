package dev.hypatia.optimize;

/** The rewrite phases, in the order they run. */
public enum Phase {
  /** Equal nodes and equal constants become one (common subexpressions). */
  MERGE,
  /** Nodes whose inputs are all constants are evaluated; dead nodes go. */
  CONSTANT_FOLD,
  /** Neutral elements, canonical sums and products, useless shape ops. */
  CANONICALIZE,
  /** Numerically stable forms (log1p, softplus, logsumexp, ...). */
  STABILIZE,
  /** Faster special forms (sqr, gemm, dot, ...). */
  SPECIALIZE,
  /** Elementwise subgraphs fused into one loop. */
  FUSE
}
