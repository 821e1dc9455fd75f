/**
 * The option keys of an options interface, as a list a check reads and refuses others by: the
 * compiler rejects a list that misses a key of `T` or holds one `T` lacks, so an option cannot
 * be added to an interface without its check.
 *
 * ```ts
 * const GROUP_KEYS = optionKeys<TaskGroupOptions>()(['signal', 'timeout', 'name', 'limiter', 'parent', 'concurrency']);
 * ```
 * @internal
 */
export const optionKeys =
  <T>() =>
  <const L extends readonly (keyof T & string)[]>(keys: L & Complete<T, L>): L =>
    keys;

/** Nothing more when `L` lists every key of `T`; else a field that names the missing ones. */
type Complete<T, L extends readonly unknown[]> = [Exclude<keyof T, L[number]>] extends [never] ? unknown : { readonly missingKeys: Exclude<keyof T, L[number]> };
