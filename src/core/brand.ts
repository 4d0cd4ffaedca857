/** A nominal type: a `string` that the compiler keeps apart from other strings of another brand. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
