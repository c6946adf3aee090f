import { storage } from 'wxt/utils/storage';

/** Whether the panel shows as a slim tab; remembered across pages, tabs and restarts. */
export const panelCollapsed = storage.defineItem<boolean>('local:panel.collapsed', { fallback: false });
