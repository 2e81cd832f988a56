import { describe, expect, it } from 'vitest';
import { HoldKey, marksHiddenUntilHeld, type HoldKeySetting } from '../../../core/hold-key';

const none = { altKey: false, ctrlKey: false, shiftKey: false };

function setup(key: HoldKeySetting = 'Alt') {
  const changes: boolean[] = [];
  const hold = new HoldKey(key, (held) => changes.push(held));
  return { hold, changes };
}

describe('hold a key to show cards', () => {
  it('with no key chosen cards always may open and keys change nothing', () => {
    const { hold, changes } = setup('off');
    expect(hold.allowsCards).toBe(true);
    hold.keyDown('Alt');
    hold.keyUp('Alt');
    hold.blur();
    hold.modifiers(none);
    expect(hold.allowsCards).toBe(true);
    expect(changes).toEqual([]);
  });

  it('nothing opens until the chosen key is down; letting go stops it', () => {
    const { hold, changes } = setup('Shift');
    expect(hold.allowsCards).toBe(false);
    hold.keyDown('Alt'); // another modifier
    expect(hold.allowsCards).toBe(false);
    hold.keyDown('Shift');
    expect(hold.allowsCards).toBe(true);
    hold.keyDown('Shift'); // auto-repeat
    hold.keyUp('Shift');
    expect(hold.allowsCards).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('the key with another key (Shift+letter, Ctrl+C) is not a hold: nothing opens until it is let go', () => {
    const { hold, changes } = setup('Control');
    hold.keyDown('Control');
    hold.keyDown('c');
    expect(hold.state.kind).toBe('chord');
    expect(hold.allowsCards).toBe(false);
    hold.keyDown('Control'); // repeat while still in the chord
    expect(hold.allowsCards).toBe(false);
    hold.keyUp('Control');
    hold.keyDown('Control');
    expect(hold.allowsCards).toBe(true);
    expect(changes).toEqual([true, false, true]);
  });

  it('the window losing focus counts as letting go (the key-up may never come)', () => {
    const { hold, changes } = setup('Alt');
    hold.keyDown('Alt');
    hold.blur();
    expect(hold.allowsCards).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it("a pointer event's modifier flags correct a missed key-up or key-down", () => {
    const { hold, changes } = setup('Alt');
    hold.keyDown('Alt');
    hold.modifiers(none); // let go elsewhere
    expect(hold.allowsCards).toBe(false);
    hold.modifiers({ ...none, altKey: true }); // pressed while another window had focus
    expect(hold.allowsCards).toBe(true);
    hold.modifiers({ ...none, shiftKey: true });
    expect(hold.allowsCards).toBe(false);
    expect(changes).toEqual([true, false, true, false]);
  });

  it('only a hold of Alt that showed a card keeps its key-up from the browser (the menu bar)', () => {
    const { hold } = setup('Alt');
    hold.keyDown('Alt');
    expect(hold.keyUp('Alt')).toBe(false); // a lone Alt press: the menu bar is the reader's
    hold.keyDown('Alt');
    hold.markUsed();
    expect(hold.keyUp('Alt')).toBe(true);
    const shift = setup('Shift').hold;
    shift.keyDown('Shift');
    shift.markUsed();
    expect(shift.keyUp('Shift')).toBe(false);
  });

  it('changing the chosen key lets go of the old one', () => {
    const { hold, changes } = setup('Alt');
    hold.keyDown('Alt');
    hold.setKey('Shift');
    expect(hold.allowsCards).toBe(false);
    hold.setKey('off');
    expect(hold.allowsCards).toBe(true);
    expect(changes).toEqual([true, false]);
  });
});

describe('highlights with a hold key', () => {
  it('hide until the key is held only when the reader asked for it', () => {
    expect(marksHiddenUntilHeld('off', true, false)).toBe(false); // no key: the option does nothing
    expect(marksHiddenUntilHeld('Alt', false, false)).toBe(false); // highlights stay
    expect(marksHiddenUntilHeld('Alt', true, false)).toBe(true);
    expect(marksHiddenUntilHeld('Alt', true, true)).toBe(false);
  });
});
