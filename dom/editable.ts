// The one rule for "the user types here": the scanner never reads such a subtree, and the
// content script leaves keys typed there alone (Escape, the navigation shortcuts).

/** ARIA roles of widgets that take typed text. */
const EDITABLE_ROLES: ReadonlySet<string> = new Set(['textbox', 'searchbox', 'combobox']);

/** Input types that take no typed text. */
const NON_TEXT_INPUTS: ReadonlySet<string> = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/**
 * An element made editable by its own attributes: contenteditable="" / "true" /
 * "plaintext-only" (anything but "false"), or an editable ARIA role. Takes the attribute
 * values so the scanner can read them through its tamper-proof builtins.
 */
export function editableByAttributes(contentEditable: string | null, role: string | null): boolean {
  if (contentEditable !== null && contentEditable.toLowerCase() !== 'false') return true;
  return role !== null && EDITABLE_ROLES.has(role.trim().toLowerCase());
}

/** Whether focus on `el` means the user is typing: a text field, an editor, a text widget. */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !NON_TEXT_INPUTS.has((el as HTMLInputElement).type);
  // isContentEditable also covers elements inside an editable root.
  if ((el as HTMLElement).isContentEditable) return true;
  return editableByAttributes(null, el.getAttribute('role'));
}
