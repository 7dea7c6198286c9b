import { Box, Text } from 'ink';
import { FEATURES } from '@tenantry/sdk';
import { featureStates, wizardProblems, WIZARD_FIELDS, type WizardField, type WizardState } from '../state/wizard.ts';
import { windowAround } from '../tenant-rows.ts';

interface Props {
  wizard: WizardState;
  height: number;
  width: number;
}

/** Every field of `tenant create`, validated as it is typed; enter reviews the plan. */
export function WizardScreen({ wizard, height, width }: Props) {
  const problems = wizardProblems(wizard);
  const { start, end } = windowAround(wizard.focus, WIZARD_FIELDS.length, Math.max(3, height - 3));
  const labelWidth = 22;
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Box flexShrink={0}>
        <Text bold>New tenant</Text>
        <Text dimColor> · tab/↓ next field · ←/→ choose · space toggles · enter reviews the plan · esc leaves</Text>
      </Box>
      {WIZARD_FIELDS.slice(start, end).map((field, offset) => {
        const index = start + offset;
        const focused = index === wizard.focus;
        const problem = problems[field.name];
        return (
          <Box key={field.name} flexShrink={0}>
            <Text inverse={focused} wrap="truncate">
              {field.label.padEnd(labelWidth)}
            </Text>
            <Text wrap="truncate">
              {' '}
              {renderValue(field, wizard, focused)}
              {problem ? <Text color="red">{`  ✗ ${problem}`}</Text> : null}
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

function renderValue(field: WizardField, wizard: WizardState, focused: boolean): string {
  const value = wizard.values[field.name] ?? '';
  const caret = focused ? '█' : '';
  switch (field.kind) {
    case 'choice':
    case 'toggle':
      return `‹ ${value} ›`;
    case 'features': {
      const states = featureStates(wizard);
      return FEATURES.map((feature, index) => {
        const mark = `[${states[feature] ? 'x' : ' '}] ${feature}`;
        return focused && index === wizard.featureCursor ? `>${mark}<` : ` ${mark} `;
      }).join('');
    }
    case 'secret':
      return value ? '•'.repeat([...value].length) + caret : `${caret}${field.placeholder ? `(${field.placeholder})` : ''}`;
    case 'text':
    case 'integer':
      return value ? value + caret : `${caret}${field.placeholder ? `(${field.placeholder})` : ''}`;
  }
}
