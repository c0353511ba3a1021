'use client';

import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useSlots } from './class-names.js';
import { cx } from './cx.js';
import { Field } from './field.js';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<ComponentPropsWithoutRef<'select'>, 'children'> {
  label: ReactNode;
  options: readonly SelectOption[];
  /** A first option with value `''` (e.g. "All roles"). */
  placeholder?: string;
  description?: ReactNode;
  error?: ReactNode;
  hideLabel?: boolean;
  fieldClassName?: string;
}

/**
 * A labelled native `<select>`, styled. Native on purpose: it is keyboard-complete, works with
 * every screen reader and on mobile, and needs no popover for a short list of roles or statuses.
 */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { label, options, placeholder, description, error, hideLabel, fieldClassName, className, required, id, ...props },
  ref,
) {
  const slot = useSlots();
  return (
    <Field
      label={label}
      description={description}
      error={error}
      hideLabel={hideLabel}
      required={required}
      id={id}
      className={cx('seatkit-select-field', fieldClassName)}
    >
      {(control) => (
        <select ref={ref} {...slot('select', undefined, className)} required={required} {...control} {...props}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
});
