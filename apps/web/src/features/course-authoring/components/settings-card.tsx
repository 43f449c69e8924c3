import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COURSE_ENROLMENT_POLICIES, MATERIAL_AUDIENCES, TEXT_LIMITS, type CourseEnrolmentPolicy } from '@tadamon/shared';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '../../../lib/languages';
import { useEditor } from './editor-context';
import { LocalisedFields, compact } from './localised-fields';
import { TopicSelect, topicFields, topicValue } from './topic-select';
import { inLanguage } from '../../../components/in-language';

type Audience = (typeof MATERIAL_AUDIENCES)[number];

/** The course's settings (all versions), the version's texts and completion rules, its languages. */
export function SettingsCard() {
  const { t } = useTranslation('courseAuthoring');
  const { tree, change, pending, readOnly, languages } = useEditor();
  const { course, version } = tree;
  const [topic, setTopic] = useState(topicValue(course.standardTopic, course.customTopic?.id));
  const [audience, setAudience] = useState<Audience>(course.audience);
  const [policy, setPolicy] = useState<CourseEnrolmentPolicy>(course.enrolmentPolicy);
  const [titles, setTitles] = useState(version.titles);
  const [summaries, setSummaries] = useState(version.summaries);
  const [rules, setRules] = useState({
    requireAllLessons: version.requireAllLessons,
    requireQuizzesPassed: version.requireQuizzesPassed,
    requirePracticalSignOff: version.requirePracticalSignOff,
  });
  const [newLanguage, setNewLanguage] = useState('');
  // A newer tree (someone's change, a conflict) replaces what the form shows.
  useEffect(() => {
    setTitles(version.titles);
    setSummaries(version.summaries);
  }, [version.titles, version.summaries]);

  const saveSettings = () =>
    void change({ method: 'PATCH', path: `/courses/${course.id}`, body: { ...topicFields(topic), audience, enrolmentPolicy: policy } });
  const saveTexts = () =>
    void change({ method: 'PATCH', path: `/versions/${version.id}`, body: { titles: compact(titles), summaries: compact(summaries), ...rules } });
  const missing = LANGUAGES.filter((l) => !languages.includes(l));

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="settings-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="settings-heading">
          {t('settings.heading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TopicSelect networkId={course.networkId} value={topic} onChange={setTopic} />
          <NativeSelect label={t('fields.audience')} value={audience} onChange={(e) => setAudience(e.currentTarget.value as Audience)}>
            {MATERIAL_AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`audiences.${a}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('fields.enrolmentPolicy')} value={policy} onChange={(e) => setPolicy(e.currentTarget.value as CourseEnrolmentPolicy)}>
            {COURSE_ENROLMENT_POLICIES.filter((p) => p !== 'ORGANISATION' || course.organisationId).map((p) => (
              <option key={p} value={p}>
                {t(`policies.${p}`)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        <Group>
          <Button variant="default" onClick={saveSettings} loading={pending}>
            {t('settings.saveSettings')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('settings.settingsHint')}
          </Text>
        </Group>

        <Title order={3} size="h4">
          {t('settings.textsHeading', { number: version.number })}
        </Title>
        <LocalisedFields label={t('fields.title')} languages={languages} value={titles} onChange={setTitles} maxLength={TEXT_LIMITS.title} disabled={readOnly} testId="course-title" />
        <LocalisedFields label={t('fields.summary')} languages={languages} value={summaries} onChange={setSummaries} maxLength={TEXT_LIMITS.summary} multiline disabled={readOnly} />
        <Stack gap={4} role="group" aria-label={t('settings.rules')}>
          <Text fw={600} size="sm">
            {t('settings.rules')}
          </Text>
          {(['requireAllLessons', 'requireQuizzesPassed', 'requirePracticalSignOff'] as const).map((rule) => (
            <Checkbox key={rule} label={t(`rules.${rule}`)} checked={rules[rule]} disabled={readOnly} onChange={(e) => setRules({ ...rules, [rule]: e.currentTarget.checked })} />
          ))}
        </Stack>
        {!readOnly ? (
          <Group>
            <Button onClick={saveTexts} loading={pending} data-testid="save-texts">
              {t('settings.saveTexts')}
            </Button>
          </Group>
        ) : null}

        <Title order={3} size="h4">
          {t('languages.heading')}
        </Title>
        <Group gap="xs">
          {languages.map((language) => (
            <Group key={language} gap={4} className="course-language">
              <Text size="sm" {...inLanguage(language)}>
                {isLanguage(language) ? LANGUAGE_NAMES[language] : language}
              </Text>
              {!readOnly && languages.length > 1 ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => {
                    if (window.confirm(t('languages.confirmRemove'))) void change({ method: 'DELETE', path: `/versions/${version.id}/languages/${language}` });
                  }}
                  aria-label={t('languages.remove', { language: isLanguage(language) ? LANGUAGE_NAMES[language] : language })}
                >
                  {t('actions.remove')}
                </Button>
              ) : null}
            </Group>
          ))}
        </Group>
        {!readOnly && missing.length > 0 ? (
          <Group align="end">
            <NativeSelect label={t('languages.add')} value={newLanguage} onChange={(e) => setNewLanguage(e.currentTarget.value)} data-testid="add-language">
              <option value="">{t('languages.choose')}</option>
              {missing.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </NativeSelect>
            <Button
              variant="default"
              disabled={!newLanguage}
              loading={pending}
              onClick={() => void change({ method: 'POST', path: `/versions/${version.id}/languages`, body: { language: newLanguage } }).then(() => setNewLanguage(''))}
            >
              {t('languages.addButton')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
