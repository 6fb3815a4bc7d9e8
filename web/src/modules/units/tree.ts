import type { Unit } from '@lantu/core';

/** A unit with its children, ready for antd Tree / tree Table (`children` absent on leaves). */
export interface UnitNode extends Unit {
  children?: UnitNode[];
}

/**
 * Builds the organisation tree from the flat list, ordered by `sort` then name.
 * A unit whose parent is missing from the list becomes a root, so nothing disappears.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { ...u });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const order = (list: UnitNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of list) if (n.children) order(n.children);
  };
  order(roots);
  return roots;
}

/** Ids of a unit and everything under it (a unit cannot move below itself). */
export function descendantIds(units: readonly Unit[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}
