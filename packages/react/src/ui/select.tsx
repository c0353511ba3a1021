'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useSlots } from './class-names.js';
import { cx } from './cx.js';
import { Field, splitFieldProps, type LabelledControlProps } from './field.js';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
  /** The option's language when it differs from the page's (a language named in itself), for screen readers. */
  lang?: string;
}

export interface SelectProps
  extends Omit<ComponentPropsWithoutRef<'select'>, 'children' | 'id' | 'required'>,
    LabelledControlProps {
  options: readonly SelectOption[];
  /** A first option with value `''` (e.g. "All roles"). */
  placeholder?: string;
}

/**
 * A labelled native `<select>`, styled. Native on purpose: it is keyboard-complete, works with
 * every screen reader and on mobile, and needs no popover for a short list of roles or statuses.
 */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(props, ref) {
  const { field, control } = splitFieldProps(props);
  const { options, placeholder, className, ...rest } = control;
  const slot = useSlots();
  return (
    <Field {...field} className={cx('seatkit-select-field', field.className)}>
      {(wired) => (
        <select ref={ref} {...slot('select', undefined, className)} {...wired} {...rest}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
});
