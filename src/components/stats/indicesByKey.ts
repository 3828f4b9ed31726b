/** The indices of `keys` grouped by key, keys in first-seen order and each group's indices ascending. */
export function indicesByKey<K>(keys: ArrayLike<K>): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as K;
    let group = groups.get(key);
    if (!group) {
      group = [];
      groups.set(key, group);
    }
    group.push(i);
  }
  return groups;
}
