import { useState } from 'preact/hooks';
import type { EntityType } from '../core/dataset-types';
import type { HoldKeySetting } from '../core/hold-key';
import { HOVER_DELAY_MAX, HOVER_DELAY_MIN, siteOf, type HighlightStyle, type Settings } from '../core/settings';
import { TYPE_PLURAL } from './format';

export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

export interface OptionsFormProps {
  settings: Settings;
  shortcuts: Shortcut[];
  /** How the user changes shortcuts in this browser. */
  shortcutHelp: string;
  onChange: (next: Settings) => void;
  saved: boolean;
}

const STYLES: { value: HighlightStyle; label: string }[] = [
  { value: 'underline', label: 'Dotted underline' },
  { value: 'background', label: 'Soft background' },
  { value: 'none', label: 'None (cards still open on hover)' },
];

const HOLD_KEYS: { value: HoldKeySetting; label: string }[] = [
  { value: 'off', label: 'No key: a card opens when the pointer rests on a name' },
  { value: 'Alt', label: 'Alt' },
  { value: 'Control', label: 'Ctrl' },
  { value: 'Shift', label: 'Shift' },
];

export function OptionsForm({ settings, shortcuts, shortcutHelp, onChange, saved }: OptionsFormProps) {
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });

  const addSite = (e: Event) => {
    e.preventDefault();
    const input = site.trim().toLowerCase();
    const host = siteOf(input.includes('://') ? input : `https://${input}`);
    if (!host) {
      setSiteError(`“${site}” is not a site address`);
      return;
    }
    setSiteError(null);
    setSite('');
    if (!settings.disabledSites.includes(host)) set('disabledSites', [...settings.disabledSites, host].sort());
  };

  return (
    <form class="options" onSubmit={(e) => e.preventDefault()} data-fc="options">
      <h1>Factcard options</h1>
      <p class="status" role="status" aria-live="polite" data-fc="saved">
        {saved ? 'Saved. Open tabs follow at once.' : '\u00a0'}
      </p>

      <fieldset>
        <legend>Cards</legend>
        <label class="row">
          <span>Hover delay</span>
          <input
            type="range"
            min={HOVER_DELAY_MIN}
            max={HOVER_DELAY_MAX}
            step={50}
            value={settings.hoverDelayMs}
            data-fc="hover-delay"
            onInput={(e) => set('hoverDelayMs', Number((e.target as HTMLInputElement).value))}
          />
          <output data-fc="hover-delay-value">{settings.hoverDelayMs} ms</output>
        </label>
        <label class="row">
          <input type="checkbox" checked={settings.enabled} data-fc="enabled" onChange={(e) => set('enabled', (e.target as HTMLInputElement).checked)} />
          <span>Factcard is on (untick to pause it everywhere)</span>
        </label>
      </fieldset>

      <fieldset data-fc="hold-key">
        <legend>Hold a key to show cards</legend>
        <p class="hint" id="hold-key-help">
          If cards get in your way, choose a key: cards then open only while you hold it down. Rest the pointer on a name with the key held, or press
          the key while the pointer is on a name. Without the key, nothing opens. The keyboard shortcuts below open cards either way.
        </p>
        {HOLD_KEYS.map((k) => (
          <label class="row" key={k.value}>
            <input
              type="radio"
              name="hold-key"
              value={k.value}
              checked={settings.holdKey === k.value}
              aria-describedby="hold-key-help"
              data-fc={`hold-${k.value}`}
              onChange={() => set('holdKey', k.value)}
            />
            <span>{k.label}</span>
          </label>
        ))}
        <label class="row">
          <input
            type="checkbox"
            checked={settings.hideHighlightsUntilHeld}
            disabled={settings.holdKey === 'off'}
            data-fc="hold-hide-highlights"
            onChange={(e) => set('hideHighlightsUntilHeld', (e.target as HTMLInputElement).checked)}
          />
          <span>Hide the highlights too, and show them only while the key is held</span>
        </label>
        {settings.holdKey === 'Alt' ? (
          <p class="hint" data-fc="hold-alt-note">
            On Linux and Windows a press of Alt alone may show the browser’s menu bar; Factcard keeps it hidden only when your press of Alt opened a card.
          </p>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Highlights</legend>
        {STYLES.map((s) => (
          <label class="row" key={s.value}>
            <input type="radio" name="style" value={s.value} checked={settings.highlightStyle === s.value} data-fc={`style-${s.value}`} onChange={() => set('highlightStyle', s.value)} />
            <span>{s.label}</span>
          </label>
        ))}
        <label class="row">
          <span>Colour</span>
          <input type="color" value={settings.highlightColor} data-fc="color" onInput={(e) => set('highlightColor', (e.target as HTMLInputElement).value)} />
        </label>
        <p class="hint">Mark these kinds of names:</p>
        {(Object.keys(settings.entityTypes) as EntityType[]).map((t) => (
          <label class="row" key={t}>
            <input
              type="checkbox"
              checked={settings.entityTypes[t]}
              data-fc={`type-${t}`}
              onChange={(e) => set('entityTypes', { ...settings.entityTypes, [t]: (e.target as HTMLInputElement).checked })}
            />
            <span>{TYPE_PLURAL[t]}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Sites where Factcard is off</legend>
        <p class="hint">
          Login and payment pages are always left alone: an address whose host starts with login., auth., checkout., pay. and the like, or whose path
          has a segment such as /login, /signin, /checkout, /payment or /billing.
        </p>
        {settings.disabledSites.length === 0 ? <p class="hint">None yet. Use the popup’s “on this site” switch, or add one here.</p> : null}
        <ul class="sites" data-fc="sites">
          {settings.disabledSites.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" aria-label={`Turn Factcard back on for ${s}`} onClick={() => set('disabledSites', settings.disabledSites.filter((x) => x !== s))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div class="row">
          <input type="text" placeholder="example.com" value={site} data-fc="site-input" aria-label="Site to turn off" onInput={(e) => setSite((e.target as HTMLInputElement).value)} onKeyDown={(e) => e.key === 'Enter' && addSite(e)} />
          <button type="button" data-fc="site-add" onClick={addSite}>
            Add
          </button>
        </div>
        {siteError ? <p class="error" role="alert">{siteError}</p> : null}
      </fieldset>

      <fieldset>
        <legend>Keyboard shortcuts</legend>
        <table class="keys">
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.name}>
                <td>{s.description}</td>
                <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <em>not set</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">{shortcutHelp}</p>
      </fieldset>
    </form>
  );
}
