package dev.hypatia.jvm.asm;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * Emits the statements of one method. Locals live in a stack of scopes: a body (method, loop,
 * branch) opens a scope, and a {@link Stmt.Declare} is visible to the end of its body.
 */
final class AsmMethodEmitter {
  /** Where a name lives: a parameter (argument index) or a local from {@code newLocal}. */
  private record Slot(boolean isArg, int index, Type type) {}

  private final GeneratorAdapter g;
  private final MethodDef method;
  private final Deque<Map<String, Slot>> scopes = new ArrayDeque<>();
  private final AsmExprEmitter exprs;

  AsmMethodEmitter(GeneratorAdapter g, MethodDef method) {
    this.g = g;
    this.method = method;
    this.exprs = new AsmExprEmitter(g, this);
  }

  /** Emits the whole body (void methods get a final return when they fall off the end). */
  void emit() {
    Map<String, Slot> params = new HashMap<>();
    scopes.push(params);
    for (int i = 0; i < method.params().size(); i++) {
      Expr.Local p = method.params().get(i);
      checkFree(p.name());
      params.put(p.name(), new Slot(true, i, p.type()));
    }
    boolean falls = body(method.body());
    if (falls && method.returnType().equals(Type.VOID_TYPE)) {
      g.returnValue();
    }
    scopes.pop();
  }

  /** Emits statements in a new scope; returns whether control can fall off the end. */
  private boolean body(List<Stmt> stmts) {
    scopes.push(new HashMap<>());
    boolean falls = statements(stmts);
    scopes.pop();
    return falls;
  }

  private boolean statements(List<Stmt> stmts) {
    for (Stmt s : stmts) {
      if (!statement(s)) {
        return false; // the rest is unreachable: emit nothing for it
      }
    }
    return true;
  }

  /** Emits one statement; returns whether control can continue after it. */
  private boolean statement(Stmt s) {
    if (s instanceof Stmt.Declare d) {
      declare(d.local(), d.init());
    } else if (s instanceof Stmt.Assign a) {
      exprs.value(a.value());
      store(a.local());
    } else if (s instanceof Stmt.ArrayStore st) {
      exprs.value(st.array());
      exprs.value(st.index());
      exprs.value(st.value());
      g.arrayStore(AsmExprEmitter.elementType(st.array().type()));
    } else if (s instanceof Stmt.Eval e) {
      exprs.value(e.expr());
      drop(e.expr().type());
    } else if (s instanceof Stmt.For f) {
      forLoop(f);
    } else if (s instanceof Stmt.While w) {
      whileLoop(w);
      return !(w.test() instanceof Expr.Literal lit && Boolean.TRUE.equals(lit.value()));
    } else if (s instanceof Stmt.If i) {
      return ifElse(i);
    } else if (s instanceof Stmt.Return r) {
      if (r.value() != null) {
        exprs.value(r.value());
      }
      g.returnValue();
      return false;
    }
    return true; // Stmt.Comment: nothing in bytecode
  }

  private void drop(Type t) {
    if (t.getSize() == 2) {
      g.pop2();
    } else if (t.getSize() == 1) {
      g.pop();
    }
  }

  private void declare(Expr.Local local, Expr init) {
    exprs.value(init);
    checkFree(local.name());
    int index = g.newLocal(local.type());
    g.storeLocal(index);
    scopes.peek().put(local.name(), new Slot(false, index, local.type()));
  }

  private void checkFree(String name) {
    for (Map<String, Slot> scope : scopes) {
      if (scope.containsKey(name)) {
        throw new IllegalArgumentException(
            "local " + name + " is already declared in an enclosing scope of " + method.name());
      }
    }
  }

  private Slot slot(Expr.Local local) {
    for (Map<String, Slot> scope : scopes) {
      Slot s = scope.get(local.name());
      if (s != null) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown local " + local.name() + " in method " + method.name());
  }

  /** Pushes the value of {@code local}. */
  void load(Expr.Local local) {
    Slot s = slot(local);
    if (s.isArg()) {
      g.loadArg(s.index());
    } else {
      g.loadLocal(s.index());
    }
  }

  private void store(Expr.Local local) {
    Slot s = slot(local);
    if (s.isArg()) {
      g.storeArg(s.index());
    } else {
      g.storeLocal(s.index());
    }
  }

  private void forLoop(Stmt.For f) {
    scopes.push(new HashMap<>());
    declare(f.counter(), f.from());
    Label top = new Label();
    Label end = new Label();
    g.mark(top);
    exprs.value(f.counter());
    exprs.value(f.to());
    g.ifICmp(GeneratorAdapter.GE, end);
    if (body(f.body())) {
      increment(f.counter(), f.step());
    }
    g.goTo(top);
    g.mark(end);
    scopes.pop();
  }

  private void increment(Expr.Local counter, Expr step) {
    Slot s = slot(counter);
    if (!s.isArg()
        && step instanceof Expr.Literal lit
        && lit.value() instanceof Integer v
        && v >= Short.MIN_VALUE
        && v <= Short.MAX_VALUE) {
      g.iinc(s.index(), v);
      return;
    }
    load(counter);
    exprs.value(step);
    g.math(GeneratorAdapter.ADD, Type.INT_TYPE);
    store(counter);
  }

  private void whileLoop(Stmt.While w) {
    Label top = new Label();
    Label end = new Label();
    g.mark(top);
    exprs.jump(w.test(), false, end);
    body(w.body());
    g.goTo(top);
    g.mark(end);
  }

  private boolean ifElse(Stmt.If i) {
    Label orElse = new Label();
    Label end = new Label();
    exprs.jump(i.test(), false, orElse);
    boolean thenFalls = body(i.then());
    if (thenFalls) {
      g.goTo(end);
    }
    g.mark(orElse);
    boolean elseFalls = body(i.orElse());
    if (thenFalls || elseFalls) {
      g.mark(end);
      return true;
    }
    return false;
  }
}
