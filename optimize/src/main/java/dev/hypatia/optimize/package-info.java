/**
 * Graph rewriting: the rewrite engine, rules by phase (merge, constant folding, canonicalize,
 * stabilize, specialize, fuse) and compilation modes.
 *
 * <p>Not built yet: see the [optimize] issue.
 */
package dev.hypatia.optimize;
