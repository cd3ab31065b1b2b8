import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildOutline } from '../../../../../shared/document/outline';
import type { Agreement } from '../../../../../shared/model/schema';
import { OutlineBlockView } from './OutlineBlockView';

/**
 * The whole agreement on one page, in the agreement's language whatever the interface language: the same
 * outline the Word document is built from, so what people read here is what they sign.
 */
export function AgreementDocument({ agreement }: { agreement: Agreement }) {
  const { t, i18n } = useTranslation();
  const language = agreement.meta.language;
  const docT = useMemo(() => i18n.getFixedT(language), [i18n, language]);
  const outline = useMemo(() => buildOutline(agreement, language), [agreement, language]);
  const draft = agreement.meta.status === 'draft';
  return (
    <section aria-labelledby="agreement-doc-title">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={3} size="h4" id="agreement-doc-title">
          {t('steps.review.document.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('steps.review.document.hint', { language: t(`common.language.${language}`) })}
        </Text>
      </Group>
      <Paper withBorder radius="lg" component="article" lang={language} className="agreement-doc" data-testid="agreement-document">
        <header className="doc-cover">
          {draft && (
            <Badge color="orange" variant="outline" size="lg" className="doc-draft-mark">
              {docT('steps.review.document.draftMark')}
            </Badge>
          )}
          <Text className="doc-title">{outline.title}</Text>
          {outline.company && <Text className="doc-company">{outline.company}</Text>}
          <Text size="sm" c="dimmed">
            {outline.versionLine}
          </Text>
        </header>
        {outline.sections.map((section) => (
          <section key={section.id} className="doc-section" aria-labelledby={`doc-${section.id}`}>
            <Title order={4} id={`doc-${section.id}`} className="doc-heading">
              {section.number ? `${section.number}. ` : ''}
              {section.heading}
            </Title>
            <Stack gap="sm">
              {section.blocks.map((block, index) => (
                <OutlineBlockView key={index} block={block} />
              ))}
            </Stack>
          </section>
        ))}
      </Paper>
    </section>
  );
}
