package dev.hypatia.jvm.lower;

import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.NDArray;

/**
 * A lowered graph: the class to generate, and what its frame supplies at run time.
 *
 * @param classDef the generated class (structure only: equal structures give equal definitions)
 * @param nodes the schedule; node numbers in the class index it
 * @param constants the constants' values; constant numbers in the class index it
 * @param plan the memory plan the class follows
 */
public record LoweredProgram(
    ClassDef classDef, Apply[] nodes, NDArray[] constants, MemoryPlan plan) {}
