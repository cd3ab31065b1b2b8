import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../../shared/model/schema';
import { fieldId, useFieldValue, useReadOnly, useSetField } from '../../fields/useField';

const PATH = ['protocol', 'channels'] as const;
type Channel = (typeof CHANNELS)[number];

/** Contact channels as checkboxes; stored in the catalog's order so the document lists them consistently. */
export function ChannelsField() {
  const { t } = useTranslation();
  const value = useFieldValue<Channel[] | undefined>(PATH) ?? [];
  const setField = useSetField();
  const readOnly = useReadOnly();
  return (
    <Checkbox.Group
      label={t('steps.protocol.contact.channels.label')}
      description={t('steps.protocol.contact.channels.help')}
      withAsterisk
      value={value}
      readOnly={readOnly}
      onChange={(next) =>
        setField(
          PATH,
          CHANNELS.filter((c) => next.includes(c)),
        )
      }
    >
      <Group gap="lg" mt="xs">
        {CHANNELS.map((channel, index) => (
          // The first box carries the field id: "still missing: choose a channel" focuses it.
          <Checkbox
            key={channel}
            id={index === 0 ? fieldId(PATH) : undefined}
            value={channel}
            label={t(`steps.protocol.channels.${channel}`)}
            disabled={readOnly}
          />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
