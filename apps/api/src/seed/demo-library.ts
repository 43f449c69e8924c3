/**
 * The demo library: toolkits on the six topics, as a network's coordinators and an
 * organisation's leaders would upload them, in the languages their readers use. Documents are
 * written out as PDFs at seed time (seed-library.ts); links point at public pages.
 */

export type DemoLanguage = 'en' | 'fr' | 'ar' | 'es' | 'nl';

export interface DemoVersion {
  language: DemoLanguage;
  title: string;
  summary: string;
  tags: string[];
  /** Markdown, printed into the PDF; for a link, unused. */
  body?: string;
  url?: string;
}

export interface DemoMaterial {
  kind: 'DOCUMENT' | 'LINK';
  standardTopic: 'LEADERSHIP' | 'ORGANISING' | 'FUNDRAISING' | 'FIRST_AID' | 'HYGIENE' | 'LEGAL_ADVOCACY';
  audience: 'LEADERS' | 'VOLUNTEERS' | 'EVERYONE';
  visibility: 'ORGANISATION' | 'NETWORK' | 'PUBLIC';
  /** The owning organisation's name (demo-data.ts); none for the network's own material. */
  organisation?: string;
  partner: string;
  licence: string;
  versions: DemoVersion[];
}

export const DEMO_LIBRARY: DemoMaterial[] = [
  {
    kind: 'DOCUMENT',
    standardTopic: 'LEADERSHIP',
    audience: 'LEADERS',
    visibility: 'NETWORK',
    partner: 'INSP!R training team',
    licence: 'CC BY 4.0',
    versions: [
      {
        language: 'en',
        title: 'Leading a volunteer team',
        summary: 'Roles, weekly rhythm and feedback for the leader of a small volunteer team.',
        tags: ['leadership', 'volunteers', 'delegation'],
        body: `# Leading a volunteer team

Volunteers stay when they know what is expected of them and see that their work matters.

## Give every task an owner
Write down who does what this month. One name per task; two people may help, one person answers for it.

## Keep a weekly rhythm
A fifteen-minute meeting at the same hour every week: what went well, what is blocked, who needs help.

## Say thank you, and ask for feedback
Thank people by name for what they did. Ask every quarter what would make their volunteering easier, and act on one answer.`,
      },
      {
        language: 'fr',
        title: 'Animer une équipe de bénévoles',
        summary: 'Rôles, rythme hebdomadaire et retours pour la personne qui anime une petite équipe de bénévoles.',
        tags: ['leadership', 'bénévoles', 'délégation'],
        body: `# Animer une équipe de bénévoles

Les bénévoles restent quand ils savent ce qu'on attend d'eux et voient que leur travail compte.

## Chaque tâche a une responsable
Notez qui fait quoi ce mois-ci. Un nom par tâche ; deux personnes peuvent aider, une seule en répond.

## Un rythme hebdomadaire
Une réunion de quinze minutes à la même heure chaque semaine : ce qui a marché, ce qui bloque, qui a besoin d'aide.

## Remercier et demander un retour
Remerciez chacun par son nom. Chaque trimestre, demandez ce qui faciliterait leur engagement, et donnez suite à une réponse.`,
      },
      {
        language: 'ar',
        title: 'قيادة فريق من المتطوعين',
        summary: 'الأدوار والإيقاع الأسبوعي والتغذية الراجعة لمن يقود فريقًا صغيرًا من المتطوعين.',
        tags: ['القيادة', 'المتطوعون'],
        body: `# قيادة فريق من المتطوعين

يبقى المتطوعون حين يعرفون ما هو منتظر منهم ويرون أن عملهم مهم.

## لكل مهمة مسؤول
اكتبوا من يفعل ماذا هذا الشهر. اسم واحد لكل مهمة.

## إيقاع أسبوعي
اجتماع من خمس عشرة دقيقة في الساعة نفسها كل أسبوع: ما الذي نجح، وما الذي تعثر، ومن يحتاج إلى مساعدة.

## الشكر وطلب الرأي
اشكروا كل شخص باسمه على ما قام به، واسألوا كل ثلاثة أشهر عما يسهّل عملهم التطوعي.`,
      },
    ],
  },
  {
    kind: 'DOCUMENT',
    standardTopic: 'ORGANISING',
    audience: 'EVERYONE',
    visibility: 'PUBLIC',
    partner: 'Netwerk tegen Armoede',
    licence: 'CC BY 4.0',
    versions: [
      {
        language: 'en',
        title: "Running a members' meeting",
        summary: 'Agenda, minutes and decisions: a members’ meeting in one hour.',
        tags: ['meetings', 'organising', 'minutes'],
        body: `# Running a members' meeting

## Before
Send the agenda a week ahead, with the decisions to be taken in bold. Book a room people can reach on foot.

## During
Start on time. One chair keeps the time, one person writes the minutes. Every decision gets a name and a date.

## After
Share the minutes within three days, in the languages of the members.`,
      },
      {
        language: 'fr',
        title: 'Tenir une réunion des membres',
        summary: 'Ordre du jour, procès-verbal et décisions : une réunion des membres en une heure.',
        tags: ['réunion', 'organisation', 'procès-verbal'],
        body: `# Tenir une réunion des membres

## Avant
Envoyez l'ordre du jour une semaine à l'avance, avec les décisions à prendre en gras.

## Pendant
Commencez à l'heure. Une présidente garde le temps, une personne rédige le procès-verbal. Chaque décision reçoit un nom et une date.

## Après
Partagez le procès-verbal dans les trois jours, dans les langues des membres.`,
      },
      {
        language: 'es',
        title: 'Dirigir una reunión de socios',
        summary: 'Orden del día, acta y decisiones: una reunión de socios en una hora.',
        tags: ['reunión', 'organización', 'acta'],
        body: `# Dirigir una reunión de socios

## Antes
Envíe el orden del día con una semana de antelación, con las decisiones en negrita.

## Durante
Empiece a la hora. Una persona modera y cuida el tiempo, otra redacta el acta. Cada decisión lleva un nombre y una fecha.

## Después
Comparta el acta en los tres días siguientes, en los idiomas de los socios.`,
      },
    ],
  },
  {
    kind: 'DOCUMENT',
    standardTopic: 'FUNDRAISING',
    audience: 'LEADERS',
    visibility: 'NETWORK',
    partner: 'WSM',
    licence: 'All rights reserved',
    versions: [
      {
        language: 'en',
        title: 'Fundraising for small associations',
        summary: 'Membership fees, local donors and a first grant application, with a simple budget.',
        tags: ['fundraising', 'budget', 'donors'],
        body: `# Fundraising for small associations

## Start with your members
Regular small fees show donors that members own the association.

## Local donors
Make a list of twenty local businesses and ask three of them each month. Report back to every donor.

## A first grant
Read the call twice. Write the budget before the text: every line of the budget answers an activity.`,
      },
      {
        language: 'nl',
        title: 'Fondsenwerving voor kleine verenigingen',
        summary: 'Lidgelden, lokale schenkers en een eerste subsidieaanvraag, met een eenvoudige begroting.',
        tags: ['fondsenwerving', 'begroting', 'schenkers'],
        body: `# Fondsenwerving voor kleine verenigingen

## Begin bij je leden
Kleine, regelmatige lidgelden tonen dat de leden eigenaar zijn van de vereniging.

## Lokale schenkers
Maak een lijst van twintig lokale bedrijven en spreek er elke maand drie aan.

## Een eerste subsidie
Lees de oproep twee keer. Schrijf de begroting vóór de tekst.`,
      },
    ],
  },
  {
    kind: 'DOCUMENT',
    standardTopic: 'FIRST_AID',
    audience: 'VOLUNTEERS',
    visibility: 'NETWORK',
    partner: 'Croissant-Rouge marocain (training partner)',
    licence: 'CC BY-NC 4.0',
    versions: [
      {
        language: 'fr',
        title: 'Premiers secours lors des activités de quartier',
        summary: 'La trousse, les gestes qui sauvent et qui appeler : pour les bénévoles des distributions et des fêtes de quartier.',
        tags: ['premiers secours', 'trousse', 'urgence'],
        body: `# Premiers secours lors des activités de quartier

## La trousse
Gants, compresses, bandage, désinfectant, couverture de survie. Vérifiez-la avant chaque activité.

## Les gestes
Protéger, alerter, secourir. En cas de malaise, allongez la personne et restez avec elle.

## Qui appeler
Au Maroc : 15 pour le SAMU, 150 pour la protection civile. Notez le numéro sur la trousse.`,
      },
      {
        language: 'ar',
        title: 'الإسعافات الأولية خلال أنشطة الحي',
        summary: 'حقيبة الإسعاف والحركات المنقذة للحياة ومن يجب الاتصال به: لمتطوعي التوزيع وأنشطة الحي.',
        tags: ['الإسعافات الأولية', 'الطوارئ'],
        body: `# الإسعافات الأولية خلال أنشطة الحي

## حقيبة الإسعاف
قفازات وضمادات ومطهّر وبطانية نجاة. تحقّقوا منها قبل كل نشاط.

## الحركات الأساسية
الحماية ثم الإبلاغ ثم الإسعاف. عند الإغماء، مدّدوا الشخص وابقوا إلى جانبه.

## بمن نتصل
في المغرب: 15 للإسعاف و150 للوقاية المدنية.`,
      },
    ],
  },
  {
    kind: 'DOCUMENT',
    standardTopic: 'HYGIENE',
    audience: 'VOLUNTEERS',
    visibility: 'PUBLIC',
    partner: 'Union des femmes de Tanger',
    licence: 'CC BY 4.0',
    versions: [
      {
        language: 'en',
        title: 'Hand hygiene at food distributions',
        summary: 'Washing stations, gloves and storage: keeping food safe when volunteers hand it out.',
        tags: ['hygiene', 'food', 'handwashing'],
        body: `# Hand hygiene at food distributions

## A washing station
Water, soap and paper towels at the entrance. Everyone washes their hands for twenty seconds before touching food.

## Gloves are not enough
Change gloves after handling money or rubbish, and wash hands again.

## Storage
Keep fresh food in the shade and hand it out within two hours.`,
      },
      {
        language: 'ar',
        title: 'نظافة اليدين خلال توزيع المواد الغذائية',
        summary: 'نقاط الغسل والقفازات والتخزين: الحفاظ على سلامة الغذاء حين يوزعه المتطوعون.',
        tags: ['النظافة', 'الغذاء'],
        body: `# نظافة اليدين خلال توزيع المواد الغذائية

## نقطة لغسل اليدين
ماء وصابون ومناديل ورقية عند المدخل. يغسل الجميع أيديهم عشرين ثانية قبل لمس الطعام.

## القفازات وحدها لا تكفي
غيّروا القفازات بعد لمس النقود أو النفايات واغسلوا أيديكم من جديد.`,
      },
    ],
  },
  {
    kind: 'LINK',
    standardTopic: 'LEGAL_ADVOCACY',
    audience: 'LEADERS',
    visibility: 'NETWORK',
    partner: 'International Labour Organization',
    licence: 'ILO',
    versions: [
      {
        language: 'en',
        title: 'ILO Recommendation 202: social protection floors',
        summary: 'The international standard that unions and mutuals cite when they ask for basic social security for all.',
        tags: ['social protection', 'advocacy', 'ILO'],
        url: 'https://www.ilo.org/resource/r202-social-protection-floors-recommendation-2012',
      },
      {
        language: 'fr',
        title: 'Recommandation 202 de l’OIT : les socles de protection sociale',
        summary: 'La norme internationale qu’invoquent syndicats et mutuelles pour demander une sécurité sociale de base pour tous.',
        tags: ['protection sociale', 'plaidoyer', 'OIT'],
        url: 'https://www.ilo.org/fr/resource/r202-recommandation-sur-les-socles-de-protection-sociale-2012',
      },
      {
        language: 'es',
        title: 'Recomendación 202 de la OIT: pisos de protección social',
        summary: 'La norma internacional que citan sindicatos y mutualidades al pedir una seguridad social básica para todos.',
        tags: ['protección social', 'incidencia', 'OIT'],
        url: 'https://www.ilo.org/es/resource/r202-recomendacion-sobre-los-pisos-de-proteccion-social-2012',
      },
    ],
  },
  {
    kind: 'DOCUMENT',
    standardTopic: 'LEGAL_ADVOCACY',
    audience: 'EVERYONE',
    visibility: 'NETWORK',
    partner: 'INSP!R',
    licence: 'CC BY 4.0',
    versions: [
      {
        language: 'en',
        title: 'Writing a joint letter to the authorities',
        summary: 'From a shared problem to a letter several organisations sign: structure, evidence and follow-up.',
        tags: ['advocacy', 'joint letter', 'campaign'],
        body: `# Writing a joint letter to the authorities

## One problem, one ask
Name the problem in one sentence and ask for one thing the authority can decide.

## Evidence
Two figures and one story from your members carry more weight than ten pages.

## Signatures and follow-up
Collect signatures in the collaboration space, send the letter, and ask for a meeting within a month.`,
      },
      {
        language: 'nl',
        title: 'Een gezamenlijke brief aan de overheid schrijven',
        summary: 'Van een gedeeld probleem naar een brief die meerdere organisaties ondertekenen.',
        tags: ['belangenbehartiging', 'gezamenlijke brief', 'campagne'],
        body: `# Een gezamenlijke brief aan de overheid schrijven

## Eén probleem, één vraag
Benoem het probleem in één zin en vraag één ding dat de overheid kan beslissen.

## Bewijs
Twee cijfers en één verhaal van je leden wegen zwaarder dan tien pagina's.

## Handtekeningen en opvolging
Verzamel handtekeningen, verstuur de brief en vraag binnen de maand een gesprek.`,
      },
    ],
  },
  {
    kind: 'DOCUMENT',
    standardTopic: 'ORGANISING',
    audience: 'VOLUNTEERS',
    visibility: 'ORGANISATION',
    organisation: 'Association Al Amal Tanger',
    partner: 'Association Al Amal Tanger',
    licence: 'Internal',
    versions: [
      {
        language: 'fr',
        title: 'Planning des permanences Al Amal',
        summary: 'Qui tient l’accueil chaque jour de la semaine, et comment échanger une permanence.',
        tags: ['permanences', 'accueil'],
        body: `# Planning des permanences Al Amal

## L'accueil
Deux bénévoles par demi-journée, du lundi au samedi.

## Échanger une permanence
Trouvez vous-même une remplaçante, puis prévenez la coordinatrice la veille au plus tard.`,
      },
      {
        language: 'ar',
        title: 'جدول المداومات في جمعية الأمل',
        summary: 'من يتولى الاستقبال كل يوم من أيام الأسبوع، وكيف نتبادل المداومات.',
        tags: ['المداومات', 'الاستقبال'],
        body: `# جدول المداومات في جمعية الأمل

## الاستقبال
متطوعان في كل نصف يوم، من الاثنين إلى السبت.

## تبادل المداومة
ابحثوا بأنفسكم عن بديل، ثم أخبروا المنسقة في اليوم السابق على الأكثر.`,
      },
    ],
  },
];
