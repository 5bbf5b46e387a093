package dev.hypatia.jvm.code;

import java.util.List;
import org.objectweb.asm.Type;

/**
 * A method of a generated class: public, and static unless {@code isStatic} is false (then it
 * implements an interface method and {@code this} is not available to the body).
 *
 * @param name the method name
 * @param returnType the return type ({@link Type#VOID_TYPE} for none)
 * @param params the parameters, in order
 * @param body the statements; a non-void method ends every path with a return
 * @param isStatic whether the method is static
 * @param doc a comment printed above it in Java source (may be empty)
 */
public record MethodDef(
    String name,
    Type returnType,
    List<Expr.Local> params,
    List<Stmt> body,
    boolean isStatic,
    String doc) {
  /** Copies the lists. */
  public MethodDef {
    params = List.copyOf(params);
    body = List.copyOf(body);
  }

  /** The JVM method descriptor. */
  public Type descriptor() {
    return Type.getMethodType(
        returnType, params.stream().map(Expr.Local::type).toArray(Type[]::new));
  }
}
