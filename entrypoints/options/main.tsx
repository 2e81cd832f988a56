import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsForm, type Shortcut } from '../../components/OptionsForm';
import type { Settings } from '../../core/settings';
import { loadSettings, saveSettings, watchSettings } from '../../platform/settings';
import { LibraryPanel } from './library';

const IS_FIREFOX = browser.runtime.getURL('/').startsWith('moz-extension:');
const SHORTCUT_HELP = IS_FIREFOX
  ? 'Change them in Firefox: Add-ons and themes → the gear menu → Manage Extension Shortcuts.'
  : 'Change them in Chrome at chrome://extensions/shortcuts.';

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void loadSettings().then(setSettings);
    void browser.commands.getAll().then((all) =>
      setShortcuts(all.filter((c) => c.name && c.name !== '_execute_action' && c.name !== '_execute_browser_action').map((c) => ({ name: c.name ?? '', description: c.description ?? c.name ?? '', shortcut: c.shortcut ?? '' }))),
    );
    return watchSettings(setSettings);
  }, []);

  if (!settings) return null;
  return (
    <>
    <OptionsForm
      settings={settings}
      shortcuts={shortcuts}
      shortcutHelp={SHORTCUT_HELP}
      saved={saved}
      onChange={(next) => {
        setSettings(next);
        void saveSettings(next).then(() => setSaved(true));
      }}
    />
    <div class="options">
      <LibraryPanel />
    </div>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
