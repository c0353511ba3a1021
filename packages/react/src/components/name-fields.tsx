'use client';

import { useSeatKit } from '../provider.js';
import { TextField } from '../ui/field.js';

/** A person's two names, as the forms edit them. */
export interface Names {
  firstName: string;
  lastName: string;
}

/** The first- and last-name fields every form that names a person shows (add, edit, invite). */
export function NameFields({
  names,
  errors,
  onChange,
  required,
  disabled,
  context,
}: {
  names: Names;
  errors?: Partial<Record<keyof Names, string>> | undefined;
  onChange: (patch: Partial<Names>) => void;
  required?: boolean;
  disabled?: boolean;
  /** Said after each field's name, e.g. the invitee's address when a list holds several rows of fields. */
  context?: string;
}) {
  const { messages } = useSeatKit();
  return (
    <>
      {(['firstName', 'lastName'] as const).map((key) => (
        <TextField
          key={key}
          label={messages.common[key]}
          aria-label={context ? `${messages.common[key]} (${context})` : undefined}
          value={names[key]}
          autoComplete="off"
          required={required}
          disabled={disabled}
          error={errors?.[key]}
          onChange={(e) => onChange({ [key]: e.currentTarget.value })}
        />
      ))}
    </>
  );
}
