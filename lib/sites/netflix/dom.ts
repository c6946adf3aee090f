/** DOM reads that skip regions naming other titles (billboard, More Like This, episodes, injected markup). */
import { EXCLUDED_REGIONS } from './selectors';

export function isExcluded(element: Element): boolean {
  return element.closest(EXCLUDED_REGIONS) !== null;
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
