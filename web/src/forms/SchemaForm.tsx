/**
 * A form built from a request's JSON Schema (the API's OpenAPI document): a field per property, labelled by its
 * title, choices named in Chinese, unions chosen by their discriminator, keyed lists (六个察看, 负面清单, 情形条件)
 * given one row per key. It validates nothing itself: the API judges the request, and its problem+json errors are
 * shown beside the fields they name.
 */
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { ApiProblem } from '../api/http';
import type { FieldError } from '../api/http';
import type { JsonSchema } from '../api/openapi';
import { choiceNames, labels } from '../labels';
import { cleanBody, namePathOf, placeErrors } from './problem-fields';

type NamePath = (string | number)[];

/** What the form knows of the case it acts on: the situation picks the conditions a report records. */
export interface FormContext {
  readonly situation?: string;
  readonly omit?: readonly string[];
}

export interface SchemaFormProps {
  /** The form's name, which prefixes every field's id. */
  readonly name: string;
  readonly schema: JsonSchema;
  /** Values sent as given and not shown (an early exit's `exit`). */
  readonly fixed?: Readonly<Record<string, unknown>>;
  readonly context?: FormContext;
  /** Top-level fields not offered (the applicant's: fast track and pre-filing, which the accepting body decides). */
  readonly omit?: readonly string[];
  readonly submitText: string;
  /** Sends the body; an `ApiProblem` it throws is shown on the form. */
  readonly onSubmit: (body: Record<string, unknown>) => Promise<void>;
}

const isObject = (s: JsonSchema) => s.type === 'object' || s.properties !== undefined;
const branches = (s: JsonSchema) => s.oneOf ?? s.anyOf;

/** The property whose `const` tells a union's branches apart (decision, exit, partyWishes, kind). */
function discriminatorOf(options: readonly JsonSchema[]): string | undefined {
  const first = options[0]?.properties ?? {};
  return Object.keys(first).find((k) => options.every((o) => o.properties?.[k]?.const !== undefined));
}

/** The enum property that keys a list's rows, and the keys, when the list has one row per key. */
function keyedRows(schema: JsonSchema, context: FormContext): { key: string; values: string[] } | undefined {
  const item = schema.items;
  if (!item?.properties) return undefined;
  const [key, keySchema] = Object.entries(item.properties)[0] ?? [];
  if (!key || !keySchema?.enum) return undefined;
  if (
    schema.minItems !== undefined &&
    schema.minItems === schema.maxItems &&
    keySchema.enum.length === schema.minItems
  ) {
    return { key, values: [...keySchema.enum] };
  }
  // The conditions of the case's situation (one row each), when the list's keys are all situations' conditions.
  const own = context.situation ? labels.situationConditions[context.situation] : undefined;
  if (own && Object.keys(own).every((c) => keySchema.enum?.includes(c))) return { key, values: Object.keys(own) };
  return undefined;
}

const BOOLEAN_OPTIONS = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

interface RenderState {
  readonly context: FormContext;
  /** Every leaf field shown, by joined path: the API's errors on them go beside them. */
  readonly shown: Set<string>;
}

function Field(props: {
  readonly path: NamePath;
  readonly label: ReactNode;
  readonly required: boolean;
  readonly help?: string;
  readonly children: ReactNode;
  readonly state: RenderState;
  readonly valuePropName?: string;
  readonly initialValue?: unknown;
  readonly getValueProps?: (value: unknown) => Record<string, unknown>;
  readonly getValueFromEvent?: (...args: unknown[]) => unknown;
}) {
  props.state.shown.add(props.path.join('.'));
  return (
    <div data-field={props.path.join('.')}>
      <Form.Item
        name={props.path}
        label={props.label}
        required={props.required}
        extra={props.help}
        valuePropName={props.valuePropName}
        initialValue={props.initialValue}
        getValueProps={props.getValueProps}
        getValueFromEvent={props.getValueFromEvent}
      >
        {props.children}
      </Form.Item>
    </div>
  );
}

/** A description worth showing: the API's Chinese ones (the English ones are for developers). */
const chineseHelp = (s: JsonSchema): string | undefined =>
  s.description && /[\u4e00-\u9fff]/.test(s.description) ? s.description : undefined;

function renderField(
  schema: JsonSchema,
  path: NamePath,
  required: boolean,
  state: RenderState,
  label?: ReactNode,
): ReactNode {
  const name = String(path[path.length - 1]);
  const title = label ?? schema.title ?? name;
  const help = chineseHelp(schema);
  const options = branches(schema);
  if (options) return <UnionFields key={path.join('.')} options={options} path={path} state={state} />;
  if (isObject(schema)) {
    return (
      <fieldset key={path.join('.')} className="wb-fieldset">
        <legend>{title}</legend>
        {renderProperties(schema, path, state)}
      </fieldset>
    );
  }
  if (schema.type === 'array' && schema.items) return renderArray(schema, path, required, state, title);
  const common = { path, label: title, required, help, state };
  if (schema.const !== undefined) {
    return (
      <Form.Item key={path.join('.')} name={path} initialValue={schema.const} hidden>
        <Input />
      </Form.Item>
    );
  }
  if (schema.enum) {
    const names = choiceNames(schema.enum);
    const choices = schema.enum.map((v) => ({ value: v, label: names[v] ?? v }));
    return (
      <Field key={path.join('.')} {...common}>
        {choices.length <= 4 ? (
          <Radio.Group options={choices} aria-label={String(title)} />
        ) : (
          <Select
            options={choices}
            aria-label={String(title)}
            placeholder="请选择"
            allowClear
            style={{ maxWidth: 560 }}
          />
        )}
      </Field>
    );
  }
  if (schema.type === 'boolean') {
    return required ? (
      <Field key={path.join('.')} {...common}>
        <Radio.Group options={BOOLEAN_OPTIONS} aria-label={String(title)} />
      </Field>
    ) : (
      <Field key={path.join('.')} {...common} valuePropName="checked">
        <Switch aria-label={String(title)} />
      </Field>
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <Field key={path.join('.')} {...common}>
        <InputNumber aria-label={String(title)} />
      </Field>
    );
  }
  if (schema.format === 'date') {
    return (
      <Field key={path.join('.')} {...common}>
        <Input type="date" style={{ maxWidth: 200 }} />
      </Field>
    );
  }
  return (
    <Field key={path.join('.')} {...common}>
      {(schema.maxLength ?? 0) > 200 ? <Input.TextArea rows={3} /> : <Input />}
    </Field>
  );
}

function renderProperties(schema: JsonSchema, path: NamePath, state: RenderState, skip?: string): ReactNode[] {
  const omitted = path.length === 0 ? state.context.omit : undefined;
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => key !== skip && key !== 'decisionId' && !omitted?.includes(key))
    .map(([key, property]) => renderField(property, [...path, key], schema.required?.includes(key) ?? false, state));
}

function renderArray(
  schema: JsonSchema,
  path: NamePath,
  required: boolean,
  state: RenderState,
  title: ReactNode,
): ReactNode {
  const item = schema.items as JsonSchema;
  const key = path.join('.');
  if (item.enum) {
    const names = choiceNames(item.enum);
    return (
      <Field key={key} path={path} label={title} required={required} state={state}>
        <Checkbox.Group options={item.enum.map((v) => ({ value: v, label: names[v] ?? v }))} />
      </Field>
    );
  }
  if (!isObject(item)) {
    // A list of texts, one per line.
    return (
      <Field
        key={key}
        path={path}
        label={title}
        required={required}
        help="每行一项"
        state={state}
        getValueProps={(v) => ({ value: Array.isArray(v) ? v.join('\n') : '' })}
        getValueFromEvent={(e) => (e as { target: { value: string } }).target.value.split('\n')}
      >
        <Input.TextArea rows={3} />
      </Field>
    );
  }
  const rows = keyedRows(schema, state.context);
  if (rows) {
    const names = choiceNames(rows.values);
    return (
      <fieldset key={key} className="wb-fieldset" data-field={key}>
        <legend>{title}</legend>
        {rows.values.map((value, i) => (
          <fieldset key={value} className="wb-row">
            <legend>{names[value] ?? value}</legend>
            <Form.Item name={[...path, i, rows.key]} initialValue={value} hidden>
              <Input />
            </Form.Item>
            {renderProperties(item, [...path, i], state, rows.key)}
          </fieldset>
        ))}
      </fieldset>
    );
  }
  return (
    <fieldset key={key} className="wb-fieldset" data-field={key}>
      <legend>{title}</legend>
      {/* An empty list is sent as one: the API, not the page, says whether it may be empty. */}
      <Form.List name={path} initialValue={required ? [] : undefined}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <fieldset key={f.key} className="wb-row">
                <legend>第{f.name + 1}项</legend>
                {renderProperties(item, [...path, f.name], state)}
                <Button onClick={() => remove(f.name)}>删除此项</Button>
              </fieldset>
            ))}
            <Button onClick={() => add()}>添加一项</Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

/** A union: the discriminator's choice, then the chosen branch's fields. */
function UnionFields(props: {
  readonly options: readonly JsonSchema[];
  readonly path: NamePath;
  readonly state: RenderState;
}) {
  const discriminator = discriminatorOf(props.options);
  if (!discriminator) return null;
  const values = props.options.map((o) => String(o.properties?.[discriminator]?.const));
  const names = choiceNames(values);
  const title = props.options[0].properties?.[discriminator]?.title ?? discriminator;
  const dPath = [...props.path, discriminator];
  props.state.shown.add(dPath.join('.'));
  return (
    <>
      <div data-field={dPath.join('.')}>
        <Form.Item name={dPath} label={title} required>
          <Radio.Group aria-label={title} options={values.map((v) => ({ value: v, label: names[v] ?? v }))} />
        </Form.Item>
      </div>
      <Form.Item noStyle shouldUpdate>
        {(form) => {
          const chosen = (form as FormInstance).getFieldValue(dPath) as string | undefined;
          const branch = props.options.find((o) => o.properties?.[discriminator]?.const === chosen);
          return branch ? renderProperties(branch, props.path, props.state, discriminator) : null;
        }}
      </Form.Item>
    </>
  );
}

/** The form, its submit button, and the API's refusal when there is one. */
export function SchemaForm(props: SchemaFormProps) {
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<{ detail: string; elsewhere: FieldError[] } | undefined>();
  const [sending, setSending] = useState(false);
  const situation = props.context?.situation;
  const omit = props.omit;
  // The fields depend on the schema and the case's situation only; `shown` fills as they render.
  const { fields, shown } = useMemo(() => {
    const state: RenderState = { context: { situation, omit }, shown: new Set<string>() };
    const rendered = isObject(props.schema)
      ? renderProperties(props.schema, [], state)
      : renderField(props.schema, [], true, state);
    return { fields: rendered, shown: state.shown };
  }, [props.schema, situation, omit]);

  const submit = async () => {
    setSending(true);
    setProblem(undefined);
    // Clear the previous answer's errors before sending again.
    form.setFields(
      Object.keys(form.getFieldsValue(true) as object).length
        ? [...shown].map((f) => ({ name: namePathOf(f), errors: [] }))
        : [],
    );
    try {
      const body = { ...(cleanBody(form.getFieldsValue(true)) as Record<string, unknown>), ...props.fixed };
      await props.onSubmit(body);
      form.resetFields();
    } catch (err) {
      if (!(err instanceof ApiProblem)) {
        setProblem({ detail: '无法连接服务，请稍后重试', elsewhere: [] });
        return;
      }
      const { onFields, elsewhere } = placeErrors(err.errors, shown);
      // Several errors may land on one field (a row's and its own): all are shown there.
      const byField = new Map<string, string[]>();
      for (const e of onFields) byField.set(e.field, [...(byField.get(e.field) ?? []), e.message]);
      form.setFields([...byField].map(([f, messages]) => ({ name: namePathOf(f), errors: messages })));
      setProblem({ detail: err.detail, elsewhere });
    } finally {
      setSending(false);
    }
  };

  return (
    <Form form={form} name={props.name} layout="vertical" onFinish={submit} requiredMark>
      {problem ? (
        <Alert
          type="error"
          role="alert"
          showIcon
          className="wb-problem"
          title={problem.detail}
          description={
            problem.elsewhere.length ? (
              <ul>
                {problem.elsewhere.map((e) => (
                  <li key={e.field + e.message}>
                    <Typography.Text code>{e.field}</Typography.Text> {e.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {fields}
      <Space>
        <Button type="primary" htmlType="submit" loading={sending}>
          {props.submitText}
        </Button>
      </Space>
    </Form>
  );
}
