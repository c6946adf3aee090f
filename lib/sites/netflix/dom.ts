/** DOM reads that skip regions naming other titles (billboard, More Like This, episodes, injected markup). */
import { EXCLUDED_REGIONS } from './selectors';

export function isExcluded(element: Element): boolean {
  return element.closest(EXCLUDED_REGIONS) !== null;
}

/**
 * isExcluded, with each element's answer kept in `known`: the cards of a row share most of their
 * ancestors, so a batch of them tests each ancestor once instead of once per card.
 */
export function isExcludedIn(element: Element, known: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let excluded = false;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const answer = known.get(node);
    if (answer !== undefined) {
      excluded = answer;
      break;
    }
    path.push(node);
    if (node.matches(EXCLUDED_REGIONS)) {
      excluded = true;
      break;
    }
  }
  for (const node of path) known.set(node, excluded);
  return excluded;
}

/** Matches of `selector` under `root`, in document order, outside excluded regions. */
export function allIncluded(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((element) => !isExcluded(element));
}

/** The first match under `root` outside excluded regions for which `read` gives a value. */
export function firstValue<T>(
  root: ParentNode,
  selector: string,
  read: (element: Element) => T | undefined,
): T | undefined {
  for (const element of allIncluded(root, selector)) {
    const value = read(element);
    if (value !== undefined) return value;
  }
  return undefined;
}

export function firstIncluded(root: ParentNode, selector: string): Element | undefined {
  return allIncluded(root, selector)[0];
}
