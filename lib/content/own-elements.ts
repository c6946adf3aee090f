/** Our own elements on the page (badges, the panel): never cards, never a change to the page's title. */
export function isOwnElement(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('backstory-');
}

/** Whether every node a mutation added or removed passes `test` (and there was at least one). */
export function everyChangedNode(record: MutationRecord, test: (node: Node) => boolean): boolean {
  const { addedNodes, removedNodes } = record;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (let i = 0; i < addedNodes.length; i += 1) if (!test(addedNodes[i]!)) return false;
  for (let i = 0; i < removedNodes.length; i += 1) if (!test(removedNodes[i]!)) return false;
  return true;
}
