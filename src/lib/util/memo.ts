/**
 * Derived data computed once per object (a story, a chart view) and then
 * shared. Every page of a build asks for the same sorted lists and indexes;
 * computing them per page made a large build quadratic (npm run bench).
 * Keys are held weakly, so a story that is dropped takes its derived data with it.
 */

/** `compute(key)` once per key object; later calls return the same value. */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as V;
  };
}

/** `compute(key, name)` once per key object and name (a series id, an element id). */
export function oncePerNamed<K extends object, V>(compute: (key: K, name: string) => V): (key: K, name: string) => V {
  const byKey = oncePer((_: K) => new Map<string, V>());
  return (key, name) => {
    const cache = byKey(key);
    if (!cache.has(name)) cache.set(name, compute(key, name));
    return cache.get(name) as V;
  };
}
