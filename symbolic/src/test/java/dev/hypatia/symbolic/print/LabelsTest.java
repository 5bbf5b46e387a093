package dev.hypatia.symbolic.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void scalar_matchesNumpyStrOfRankZeroArrays() throws IOException {
    var stream = LabelsTest.class.getResourceAsStream("/fixtures/print_scalars.txt");
    try (var in =
        new BufferedReader(
            new InputStreamReader(Objects.requireNonNull(stream), StandardCharsets.UTF_8))) {
      int count = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\t");
        DType dtype = DType.fromName(f[0]);
        double value =
            switch (f[1]) {
              case "True" -> 1;
              case "False" -> 0;
              default -> Double.parseDouble(f[1].replace("inf", "Infinity").replace("nan", "NaN"));
            };
        assertEquals(f[2], Labels.scalar(NDArray.scalar(dtype, value)), line);
        count++;
      }
      assertEquals(17, count);
    }
  }

  @Test
  void letters_countInBijectiveBase26() {
    String[] expected = {"A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"};
    int[] n = {0, 1, 25, 26, 27, 51, 52, 701, 702};
    for (int i = 0; i < n.length; i++) {
      assertEquals(expected[i], Labels.letters(n[i]));
    }
  }
}
