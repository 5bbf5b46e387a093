package dev.hypatia.symbolic.ops;

import java.util.ArrayList;
import java.util.List;

/** The lanes of an array along one axis, for ops that work lane by lane (softmax, ...). */
final class Lanes {
  private Lanes() {}

  /**
   * One index per lane along {@code axis} of an array of {@code shape}: every entry set, except
   * that entry {@code axis} is 0 and is for the caller to vary. The arrays are new; callers may
   * modify them.
   */
  static List<int[]> of(int[] shape, int axis) {
    List<int[]> lanes = new ArrayList<>();
    for (int d : shape) {
      if (d == 0) {
        return lanes;
      }
    }
    int[] idx = new int[shape.length];
    while (true) {
      lanes.add(idx.clone());
      int i = shape.length - 1;
      while (i >= 0 && (i == axis || ++idx[i] == shape[i])) {
        if (i != axis) {
          idx[i] = 0;
        }
        i--;
      }
      if (i < 0) {
        return lanes;
      }
    }
  }
}
