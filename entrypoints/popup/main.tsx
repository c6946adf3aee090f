import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/shared/extension-page.css';
import '@/components/popup/popup.css';
import { openBackstoryDb } from '@/lib/db/schema';
import { t, uiLanguage } from '@/lib/i18n/t';
import { findTargetTabId } from '@/lib/popup/target-tab';

document.documentElement.lang = uiLanguage();
document.title = t('popup_page_title');
const tabId = await findTargetTabId(location.search).catch(() => undefined);
createRoot(document.getElementById('root')!).render(<PopupApp db={openBackstoryDb()} tabId={tabId} />);
