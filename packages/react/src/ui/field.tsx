'use client';

import {
  forwardRef,
  useId,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from 'react';
import { useSlots } from './class-names.js';
import { cx } from './cx.js';

/** Props a `Field` hands to its control so label, hint and error are wired up. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

export interface FieldProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  label: ReactNode;
  /** Hint under the control, linked by `aria-describedby`. */
  description?: ReactNode;
  /** Error under the control: sets `aria-invalid` and `data-state="invalid"`, linked by `aria-describedby`. */
  error?: ReactNode;
  required?: boolean;
  /** Visually hide the label (still the accessible name), e.g. inside a table row. */
  hideLabel?: boolean;
  /** Use this id for the control (default: generated). */
  id?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** Label + control + hint + error, with ids and ARIA wired. The control comes from a render function. */
export const Field = forwardRef<HTMLDivElement, FieldProps>(function Field(
  { label, description, error, required, hideLabel, id, className, children, ...props },
  ref,
) {
  const generated = useId();
  const controlId = id ?? `${generated}-control`;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const slot = useSlots();
  return (
    <div
      ref={ref}
      data-state={error ? 'invalid' : 'valid'}
      {...slot('field', undefined, className)}
      {...props}
    >
      <label
        htmlFor={controlId}
        {...slot('field-label', cx('seatkit-field-label', hideLabel && 'seatkit-visually-hidden'))}
      >
        {label}
      </label>
      {children({
        id: controlId,
        'aria-describedby': cx(descriptionId, errorId) || undefined,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {description ? (
        <p id={descriptionId} {...slot('field-description')}>
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} {...slot('field-error')}>
          {error}
        </p>
      ) : null}
    </div>
  );
});

/** The kit's text input. */
export const Input = forwardRef<HTMLInputElement, ComponentPropsWithoutRef<'input'>>(function Input(
  { className, type = 'text', ...props },
  ref,
) {
  const slot = useSlots();
  return <input ref={ref} type={type} {...slot('input', undefined, className)} {...props} />;
});

/** The kit's multi-line text input. */
export const Textarea = forwardRef<HTMLTextAreaElement, ComponentPropsWithoutRef<'textarea'>>(function Textarea(
  { className, ...props },
  ref,
) {
  const slot = useSlots();
  return <textarea ref={ref} {...slot('textarea', 'seatkit-input seatkit-textarea', className)} {...props} />;
});

/** The props of a labelled control that belong to its `Field`: label, hint, error and the wrapper's class. */
export interface LabelledControlProps {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  hideLabel?: boolean;
  required?: boolean;
  id?: string;
  /** Class of the wrapping field (`className` goes on the control). */
  fieldClassName?: string;
}

/** Splits a labelled control's props into its `Field`'s and the control's own (`required` goes to both). */
export function splitFieldProps<P extends LabelledControlProps>({
  label,
  description,
  error,
  hideLabel,
  required,
  id,
  fieldClassName,
  ...control
}: P) {
  return {
    field: { label, description, error, hideLabel, required, id, className: fieldClassName },
    control: { ...control, required },
  };
}

export interface TextFieldProps
  extends Omit<ComponentPropsWithoutRef<'input'>, 'children' | 'id' | 'required'>,
    LabelledControlProps {}

/** `Field` + `Input` in one. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(props, ref) {
  const { field, control } = splitFieldProps(props);
  return <Field {...field}>{(wired) => <Input ref={ref} {...wired} {...control} />}</Field>;
});

export interface CheckboxProps extends Omit<ComponentPropsWithoutRef<'input'>, 'type'> {
  /** Visible label; omit and pass `aria-label` for a bare checkbox (e.g. a row selector). */
  label?: ReactNode;
  description?: ReactNode;
  indeterminate?: boolean;
}

/** A native checkbox, styled, with an optional label and hint. */
export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { label, description, className, indeterminate, id, checked, ...props },
  ref,
) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = description ? `${inputId}-hint` : undefined;
  const slot = useSlots();
  const input = (
    <input
      ref={(node) => {
        // `indeterminate` exists only as a DOM property.
        if (node) node.indeterminate = Boolean(indeterminate);
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      id={inputId}
      type="checkbox"
      checked={checked}
      data-state={indeterminate ? 'indeterminate' : checked ? 'checked' : 'unchecked'}
      aria-describedby={hintId}
      {...slot('checkbox', undefined, label ? undefined : className)}
      {...props}
    />
  );
  if (!label) return input;
  return (
    <div {...slot('checkbox-field', undefined, className)}>
      {input}
      <label htmlFor={inputId} {...slot('checkbox-label')}>
        {label}
        {description ? (
          <span id={hintId} {...slot('field-description')}>
            {description}
          </span>
        ) : null}
      </label>
    </div>
  );
});
