package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexParserTest {
  @Test
  void parse_readsEveryKindOfItem() {
    Variable i = T.iscalar("i");
    List<Idx> items =
        IndexParser.parse(" 1:, ::-1 ,None, newaxis, ..., -2, $0:3:$0, :", List.of(i));
    assertEquals(
        List.of(
            Idx.slice(1, null),
            Idx.slice(null, null, -1),
            Idx.newAxis(),
            Idx.newAxis(),
            Idx.ellipsis(),
            Idx.at(-2),
            Idx.slice(i, 3, i),
            Idx.all()),
        items);
  }

  @Test
  void parse_blankTextIsNoItem() {
    assertEquals(List.of(), IndexParser.parse("  ", List.of()));
  }

  @Test
  void parse_rejectsMalformedItems() {
    for (String text : new String[] {"1,,2", "1:2:3:4", "x", "1.5"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> IndexParser.parse(text, List.of()));
      assertTrue(e.getMessage().contains("in index \"" + text + "\": expected an integer"), text);
    }
  }

  @Test
  void parse_rejectsUnknownSymbol() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IndexParser.parse(":$2", List.of(T.iscalar("i"))));
    assertEquals("index $2 in \":$2\" names none of the 1 symbols", e.getMessage());
  }
}
