/**
 * The sign-up form's checks, repeated from the database (signup_for_event, private.normalize_contact) only to
 * answer at once and in words; the database has the last word.
 */

export interface SignupFields {
  name: string;
  contact: string;
  partySize: string;
}

export type SignupField = keyof SignupFields;

/** Field → error key (the part after `events.signup.error.`), in the order the fields appear. */
export type SignupErrors = Partial<Record<SignupField, string>>;

const PHONE = /^(\+86)?(1[3-9]\d{9}|0\d{9,11})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function isValidContact(raw: string): boolean {
  const value = raw.trim();
  return PHONE.test(value.replace(/[\s()-]/g, '')) || (value.length <= 254 && EMAIL.test(value));
}

export function validateSignup(fields: SignupFields): SignupErrors {
  const errors: SignupErrors = {};
  const name = fields.name.trim();
  if (!name) errors.name = 'nameMissing';
  else if ([...name].length > 50) errors.name = 'nameTooLong';
  if (!fields.contact.trim()) errors.contact = 'contactMissing';
  else if (!isValidContact(fields.contact)) errors.contact = 'contactInvalid';
  const size = Number(fields.partySize);
  if (!/^\s*\d+\s*$/.test(fields.partySize) || !Number.isInteger(size) || size < 1 || size > 10) {
    errors.partySize = 'partySizeInvalid';
  }
  return errors;
}

/** Which field a database error key belongs to, so it is shown next to that field; null for the form as a whole. */
export function fieldOfError(key: string): SignupField | null {
  if (key === 'invalid_name') return 'name';
  if (key === 'invalid_contact' || key === 'already_signed_up') return 'contact';
  if (key === 'invalid_party_size') return 'partySize';
  return null;
}
