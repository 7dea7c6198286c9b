import { Fragment } from 'react';
import { Box, Text } from 'ink';
import { FEATURES, slugFromName } from '@tenantry/sdk';
import { textWidth } from '../../text/text-width.ts';
import { TextField } from '../components/TextField.tsx';
import { textAt } from '../state/text.ts';
import { featureStates, wizardProblems, WIZARD_FIELDS, type WizardField, type WizardState } from '../state/wizard.ts';
import { windowAround } from '../tenant-rows.ts';

interface Props {
  wizard: WizardState;
  height: number;
  width: number;
}

const LABEL_WIDTH = 22;

/** Every field of `tenant create`, validated as it is typed; enter reviews the plan. */
export function WizardScreen({ wizard, height, width }: Props) {
  const problems = wizardProblems(wizard);
  const { start, end } = windowAround(wizard.focus, WIZARD_FIELDS.length, Math.max(3, height - 3));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Box flexShrink={0} width={width}>
        <Text wrap="truncate">
          <Text bold>New tenant</Text>
          <Text dimColor> · tab/↓ next field · ←/→ choose (on text: the cursor) · space toggles · enter reviews the plan · esc leaves</Text>
        </Text>
      </Box>
      {WIZARD_FIELDS.slice(start, end).map((field, offset) => {
        const index = start + offset;
        const focused = index === wizard.focus;
        const problem = problems[field.name] ? `  ✗ ${problems[field.name]}` : '';
        const valueWidth = Math.max(8, width - LABEL_WIDTH - 1 - textWidth(problem));
        return (
          <Box key={field.name} flexShrink={0} width={width}>
            {/* A fixed label column: a wide value must not squeeze it, or its row falls out of line. */}
            <Box width={LABEL_WIDTH} flexShrink={0}>
              <Text inverse={focused} wrap="truncate">
                {field.label}
              </Text>
            </Box>
            <Text wrap="truncate">
              {' '}
              <FieldValue field={field} wizard={wizard} focused={focused} width={valueWidth} />
              {problem ? <Text color="red">{problem}</Text> : null}
            </Text>
          </Box>
        );
      })}
      <Box flexShrink={0} width={width}>
        <Text dimColor wrap="truncate">
          {Object.keys(problems).length > 0 ? `${Object.keys(problems).length} field(s) to fix before the plan` : 'Empty fields take the defaults shown.'}
        </Text>
      </Box>
    </Box>
  );
}

function FieldValue({ field, wizard, focused, width }: { field: WizardField; wizard: WizardState; focused: boolean; width: number }) {
  const value = wizard.values[field.name] ?? '';
  switch (field.kind) {
    case 'choice':
    case 'toggle':
      return <Text>{`‹ ${value} ›`}</Text>;
    case 'features': {
      const states = featureStates(wizard);
      const marks = FEATURES.map((feature) => `[${states[feature] ? 'x' : ' '}] ${feature}`);
      // Scrolled so the feature under the cursor is on screen when the list is wider than the row.
      let first = 0;
      const shownWidth = (from: number) => textWidth((from > 0 ? '…  ' : '') + marks.slice(from, wizard.featureCursor + 1).join('  '));
      while (focused && first < wizard.featureCursor && shownWidth(first) > width) first++;
      // The feature under the cursor is inverse, not bracketed: the list starts in the value column like every other value.
      return (
        <Text>
          {first > 0 ? '…  ' : ''}
          {marks.slice(first).map((mark, offset) => (
            <Fragment key={mark}>
              {offset > 0 ? '  ' : ''}
              <Text inverse={focused && first + offset === wizard.featureCursor}>{mark}</Text>
            </Fragment>
          ))}
        </Text>
      );
    }
    case 'secret':
    case 'text':
    case 'integer':
      return (
        <TextField
          input={textAt(value, focused ? wizard.cursor : value.length)}
          width={width}
          focused={focused}
          placeholder={placeholderOf(field, wizard)}
          secret={field.kind === 'secret'}
        />
      );
  }
}

/** The slug shows the one provisioning will derive from the name typed so far (the same derivation). */
function placeholderOf(field: WizardField, wizard: WizardState): string | undefined {
  const name = wizard.values.name?.trim() ?? '';
  if (field.name === 'slug' && name !== '') return `${slugFromName(name)} (derived from the name)`;
  return field.placeholder ? `(${field.placeholder})` : undefined;
}
