// "Hold a key to show cards": whether the reader is holding the chosen modifier, as a small
// state machine over plain key facts (no DOM). The content script feeds it keydown/keyup,
// window blur and the modifier flags every pointer event carries; it answers whether cards
// may open now and whether a key-up must be kept from the browser.

/** The modifiers a reader can choose (KeyboardEvent.key names). */
export const HOLD_KEYS = ['Alt', 'Control', 'Shift'] as const;
export type HoldKeyName = (typeof HOLD_KEYS)[number];

/** What the settings store: no key (cards open on hover, as by default) or a modifier. */
export type HoldKeySetting = 'off' | HoldKeyName;

/** The modifier flags of a pointer or key event. */
export interface Modifiers {
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
}

/**
 * - `off`: no key chosen; cards open on hover.
 * - `released`: the key is up; nothing opens.
 * - `held`: the key is down; `used` once a card opened during this hold.
 * - `chord`: the key is down together with another key (Shift+letter while typing, Ctrl+C, a
 *   shortcut): that is not "show me cards", so nothing opens until the key is let go.
 */
export type HoldState = { kind: 'off' } | { kind: 'released' } | { kind: 'held'; used: boolean } | { kind: 'chord' };

const FLAG: Record<HoldKeyName, keyof Modifiers> = { Alt: 'altKey', Control: 'ctrlKey', Shift: 'shiftKey' };

export class HoldKey {
  private s: HoldState;

  /** `onChange(true)` when the key starts to be held, `(false)` when it stops. */
  constructor(
    private key: HoldKeySetting,
    private readonly onChange: (held: boolean) => void = () => {},
  ) {
    this.s = key === 'off' ? { kind: 'off' } : { kind: 'released' };
  }

  get state(): HoldState {
    return this.s;
  }

  get setting(): HoldKeySetting {
    return this.key;
  }

  /** Whether a card may open now. */
  get allowsCards(): boolean {
    return this.s.kind === 'off' || this.s.kind === 'held';
  }

  /** Whether the key is held for cards (false when no key is chosen). */
  get held(): boolean {
    return this.s.kind === 'held';
  }

  setKey(key: HoldKeySetting): void {
    if (key === this.key) return;
    const was = this.held;
    this.key = key;
    this.s = key === 'off' ? { kind: 'off' } : { kind: 'released' };
    if (was) this.onChange(false);
  }

  keyDown(key: string): void {
    if (this.key === 'off') return;
    if (key === this.key) {
      // Auto-repeat of the held key, or the key again after a chord's other key went up.
      if (this.s.kind === 'released') this.to({ kind: 'held', used: false });
      return;
    }
    if (isModifierName(key)) return; // another modifier alone changes nothing
    if (this.s.kind === 'held') this.to({ kind: 'chord' });
  }

  /** Returns true when the browser's default for this key-up should be prevented: Alt let go
   *  after it showed a card (Firefox on Linux and Windows would otherwise open the menu bar). */
  keyUp(key: string): boolean {
    if (this.key === 'off' || key !== this.key) return false;
    const suppress = this.s.kind === 'held' && this.s.used && key === 'Alt';
    this.to({ kind: 'released' });
    return suppress;
  }

  /** The window lost focus: a key-up may never come, so the key counts as let go. */
  blur(): void {
    if (this.key === 'off') return;
    this.to({ kind: 'released' });
  }

  /**
   * The modifier flags of a pointer event: the truth when a key event was missed (the key
   * was pressed or let go while another window had focus).
   */
  modifiers(m: Modifiers): void {
    if (this.key === 'off') return;
    const down = m[FLAG[this.key]];
    if (!down && this.s.kind !== 'released') this.to({ kind: 'released' });
    else if (down && this.s.kind === 'released') this.to({ kind: 'held', used: false });
  }

  /** A card opened during this hold. */
  markUsed(): void {
    if (this.s.kind === 'held') this.s = { kind: 'held', used: true };
  }

  private to(next: HoldState): void {
    const was = this.held;
    this.s = next;
    if (was !== this.held) this.onChange(this.held);
  }
}

function isModifierName(key: string): boolean {
  return key === 'Alt' || key === 'Control' || key === 'Shift' || key === 'Meta' || key === 'AltGraph' || key === 'CapsLock' || key === 'OS';
}

/**
 * Whether the mentions' marks are hidden now: only with a hold key and "hide the highlights
 * until held", while the key is up.
 */
export function marksHiddenUntilHeld(holdKey: HoldKeySetting, hideUntilHeld: boolean, held: boolean): boolean {
  return holdKey !== 'off' && hideUntilHeld && !held;
}
