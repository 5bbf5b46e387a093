package dev.hypatia.jvm.janino;

import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * Prints a {@link ClassDef} as readable Java source in the subset Janino compiles (Java 6/7 style):
 * two-space indentation, sorted single-type imports and simple type names wherever unambiguous (see
 * {@link Imports}), exact literals, parentheses only where precedence needs them.
 */
public final class JavaSource {
  private static final String INDENT = "  ";

  private final StringBuilder out = new StringBuilder();
  private final Imports names;
  private final JavaExpr x;
  private int unused;

  private JavaSource(Imports names) {
    this.names = names;
    this.x = new JavaExpr(names);
  }

  /**
   * The source of {@code def} as a public final class in {@code packageName}.
   *
   * @param def the class (not modified)
   * @param packageName the package to declare, e.g. {@code dev.hypatia.jvm.janino}
   * @return the compilation unit, ending with a newline
   * @throws IllegalArgumentException when an expression has no Java form (a conversion between
   *     boolean and a number, a literal of the wrong kind)
   */
  public static String print(ClassDef def, String packageName) {
    Imports names = new Imports(packageName, def.simpleName());
    new JavaSource(names).classDef(def); // records the names the source uses
    names.resolve();
    JavaSource s = new JavaSource(names);
    s.out.append("package ").append(packageName).append(";\n\n");
    String imports = names.lines();
    s.out.append(imports).append(imports.isEmpty() ? "" : "\n");
    s.classDef(def);
    return s.out.toString();
  }

  private void classDef(ClassDef def) {
    doc(def.doc(), 0);
    out.append("public final class ").append(def.simpleName());
    if (!def.interfaces().isEmpty()) {
      List<String> names = new ArrayList<>();
      def.interfaces().forEach(t -> names.add(x.typeName(t)));
      out.append(" implements ").append(String.join(", ", names));
    }
    out.append(" {\n");
    line(1, "public " + def.simpleName() + "() {}");
    for (MethodDef m : def.methods()) {
      out.append('\n');
      method(m);
    }
    out.append("}\n");
  }

  private void method(MethodDef m) {
    doc(m.doc(), 1);
    List<String> params = new ArrayList<>();
    for (Expr.Local p : m.params()) {
      names.local(p.name());
      params.add(x.typeName(p.type()) + " " + p.name());
    }
    String head =
        "public "
            + (m.isStatic() ? "static " : "")
            + (m.returnType().equals(Type.VOID_TYPE) ? "void" : x.typeName(m.returnType()))
            + " "
            + m.name()
            + "("
            + String.join(", ", params)
            + ") {";
    line(1, head);
    unused = 0;
    statements(m.body(), 2);
    line(1, "}");
  }

  private void doc(String doc, int depth) {
    if (doc == null || doc.isBlank()) {
      return;
    }
    String[] lines = doc.strip().replace("*/", "*&#47;").split("\n", -1);
    if (lines.length == 1) {
      line(depth, "/** " + lines[0].strip() + " */");
      return;
    }
    line(depth, "/**");
    for (String l : lines) {
      line(depth, l.isBlank() ? " *" : " * " + l.stripTrailing());
    }
    line(depth, " */");
  }

  private void line(int depth, String text) {
    out.append(INDENT.repeat(depth)).append(text).append('\n');
  }

  /**
   * Prints statements up to the first one that cannot complete normally (Java rejects unreachable
   * statements; the bytecode generator drops them too). Returns whether the list completes.
   */
  private boolean statements(List<Stmt> body, int depth) {
    for (Stmt s : body) {
      if (!statement(s, depth)) {
        return false;
      }
    }
    return true;
  }

  private boolean statement(Stmt s, int depth) {
    if (s instanceof Stmt.Declare d) {
      Expr.Local l = d.local();
      names.local(l.name());
      line(depth, x.typeName(l.type()) + " " + l.name() + " = " + x.print(d.init()) + ";");
    } else if (s instanceof Stmt.Assign a) {
      line(depth, a.local().name() + " = " + x.print(a.value()) + ";");
    } else if (s instanceof Stmt.ArrayStore st) {
      String target = x.expr(new Expr.ArrayLoad(st.array(), st.index())).text();
      line(depth, target + " = " + x.print(st.value()) + ";");
    } else if (s instanceof Stmt.Eval e) {
      eval(e.expr(), depth);
    } else if (s instanceof Stmt.For f) {
      forLoop(f, depth);
    } else if (s instanceof Stmt.While w) {
      line(depth, "while (" + x.print(w.test()) + ") {");
      statements(w.body(), depth + 1);
      line(depth, "}");
      return !isTrue(w.test());
    } else if (s instanceof Stmt.If i) {
      return ifElse(i, depth);
    } else if (s instanceof Stmt.Return r) {
      line(depth, r.value() == null ? "return;" : "return " + x.print(r.value()) + ";");
      return false;
    } else if (s instanceof Stmt.Comment c) {
      for (String l : c.text().split("\n", -1)) {
        line(depth, ("// " + l).stripTrailing());
      }
    }
    return true;
  }

  static boolean isTrue(Expr test) {
    return test instanceof Expr.Literal lit && Boolean.TRUE.equals(lit.value());
  }

  private void eval(Expr e, int depth) {
    if (e instanceof Expr.Call) {
      line(depth, x.print(e) + ";");
    } else {
      // Java allows only calls as expression statements: keep the evaluation in a dead local,
      // named with a '$' so that it cannot clash with an IR local
      String name = "unused$" + unused++;
      line(depth, x.typeName(e.type()) + " " + name + " = " + x.print(e) + ";");
    }
  }

  private void forLoop(Stmt.For f, int depth) {
    String c = f.counter().name();
    names.local(c);
    boolean one = f.step() instanceof Expr.Literal lit && Integer.valueOf(1).equals(lit.value());
    String step = one ? c + "++" : c + " += " + x.print(f.step());
    String head =
        "for ("
            + x.typeName(f.counter().type())
            + " "
            + c
            + " = "
            + x.print(f.from())
            + "; "
            + c
            + " < "
            + x.expr(f.to()).atLeast(10)
            + "; "
            + step
            + ") {";
    line(depth, head);
    statements(f.body(), depth + 1);
    line(depth, "}");
  }

  private boolean ifElse(Stmt.If i, int depth) {
    line(depth, "if (" + x.print(i.test()) + ") {");
    boolean thenFalls = statements(i.then(), depth + 1);
    boolean elseFalls = true;
    if (!i.orElse().isEmpty()) {
      line(depth, "} else {");
      elseFalls = statements(i.orElse(), depth + 1);
    }
    line(depth, "}");
    return thenFalls || elseFalls;
  }
}
