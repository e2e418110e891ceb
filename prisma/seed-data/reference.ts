// Reference data, upserted on every start: the demo institutions, the OECD principles, the default stages.
import type { StageKind } from "../../app/generated/prisma/enums";

export const INSTITUTIONS = [
  { code: "VK", nameLv: "Valsts kanceleja", nameEn: "State Chancellery" },
  { code: "VTEB", nameLv: "Valsts tiesu ekspertīžu birojs", nameEn: "State Forensic Science Bureau" },
  { code: "UR", nameLv: "Uzņēmumu reģistrs", nameEn: "Register of Enterprises" },
  { code: "LAD", nameLv: "Lauku atbalsta dienests", nameEn: "Rural Support Service" },
  { code: "VMD", nameLv: "Valsts meža dienests", nameEn: "State Forest Service" },
  { code: "KISC", nameLv: "Kultūras informācijas sistēmu centrs", nameEn: "Culture Information Systems Centre" },
  { code: "VVD", nameLv: "Valsts vides dienests", nameEn: "State Environmental Service" },
  { code: "TA", nameLv: "Tiesu administrācija", nameEn: "Court Administration" },
  { code: "SIVA", nameLv: "Sociālās integrācijas valsts aģentūra", nameEn: "Social Integration State Agency" },
  { code: "VTUA", nameLv: "Valsts tehniskās uzraudzības aģentūra", nameEn: "State Technical Supervision Agency" },
  { code: "IUB", nameLv: "Iepirkumu uzraudzības birojs", nameEn: "Procurement Monitoring Bureau" },
  { code: "NKMP", nameLv: "Nacionālā kultūras mantojuma pārvalde", nameEn: "National Heritage Board" },
  { code: "ZVA", nameLv: "Zāļu valsts aģentūra", nameEn: "State Agency of Medicines" },
] as const;

// Titles are the declaration's official ones; the help texts are our paraphrase.
export const PRINCIPLES = [
  {
    key: "embrace",
    titleEn: "Embrace and enhance innovation within the public sector",
    titleLv: "Iekļaut un palielināt inovācijas klātbūtni publiskajā sektorā",
    helpEn: "Innovation as a core, resourced function of public administration.",
    helpLv: "Inovācija kā valsts pārvaldes pamatfunkcija, kurai ir paredzēti resursi.",
  },
  {
    key: "equip",
    titleEn: "Encourage and equip all public servants to innovate",
    titleLv: "Iedrošināt valsts pārvaldes darbiniekus inovēt un radīt tam atbilstošus apstākļus",
    helpEn: "Every public servant may innovate, with the skills and the room to do it.",
    helpLv: "Ikviens valsts pārvaldes darbinieks var inovēt, un viņam ir tam vajadzīgās prasmes un iespējas.",
  },
  {
    key: "partner",
    titleEn: "Cultivate new partnerships and involve different voices",
    titleLv: "Kultivēt jaunas partnerības un iesaistīt dažādus viedokļus",
    helpEn: "Work across institutions and with citizens, NGOs, business and academia.",
    helpLv: "Sadarbība starp iestādēm un ar iedzīvotājiem, nevalstiskajām organizācijām, uzņēmējiem un akadēmisko vidi.",
  },
  {
    key: "test",
    titleEn: "Support exploration, iteration and testing",
    titleLv: "Atbalstīt izpēti, iterāciju un testēšanu",
    helpEn: "Explore, prototype, test, and learn from what fails.",
    helpLv: "Izpētīt, prototipēt, testēt un mācīties arī no tā, kas neizdodas.",
  },
  {
    key: "share",
    titleEn: "Diffuse lessons and share practices",
    titleLv: "Izplatīt iegūtās mācības un dalīties pieredzē",
    helpEn: "Evaluate and share what was learned, failures too.",
    helpLv: "Izvērtēt un dalīties ar iegūtajām mācībām, arī ar neveiksmēm.",
  },
] as const;

export const STAGES: { key: string; nameLv: string; nameEn: string; kind: StageKind }[] = [
  { key: "submitted", nameLv: "Iesniegtas", nameEn: "Submitted", kind: "INTAKE" },
  { key: "discover", nameLv: "Izpēte", nameEn: "Discover", kind: "WORK" },
  { key: "define", nameLv: "Problēmas definēšana", nameEn: "Define", kind: "WORK" },
  { key: "develop", nameLv: "Risinājumu izstrāde", nameEn: "Develop", kind: "WORK" },
  { key: "test", nameLv: "Prototipēšana un testēšana", nameEn: "Prototype and test", kind: "WORK" },
  { key: "scale", nameLv: "Ieviešana", nameEn: "Implement and scale", kind: "WORK" },
  { key: "implemented", nameLv: "Ieviestas", nameEn: "Implemented", kind: "CLOSED_SUCCESS" },
  { key: "stopped", nameLv: "Apturētas", nameEn: "Stopped", kind: "CLOSED_STOPPED" },
];

export const DEMO_USERS = [
  { email: "submitter@example.lv", name: "Laura Kalniņa", role: "SUBMITTER", institution: "UR" },
  { email: "facilitator@example.lv", name: "Pēteris Bērziņš", role: "FACILITATOR", institution: "VK" },
  { email: "manager@example.lv", name: "Inese Lūse", role: "MANAGER", institution: "VK" },
  { email: "admin@example.lv", name: "Andris Šmits", role: "ADMIN", institution: "VK" },
  { email: "ilze.facilitatore@example.lv", name: "Ilze Ozoliņa", role: "FACILITATOR", institution: "VK" },
  { email: "anna.berzina@example.lv", name: "Anna Bērziņa", role: "SUBMITTER", institution: "LAD" },
  { email: "janis.ozols@example.lv", name: "Jānis Ozols", role: "SUBMITTER", institution: "VMD" },
  { email: "ilze.kalnina@example.lv", name: "Ilze Kalniņa", role: "SUBMITTER", institution: "VVD" },
  { email: "maris.liepa@example.lv", name: "Māris Liepa", role: "SUBMITTER", institution: "TA" },
  { email: "liga.zarina@example.lv", name: "Līga Zariņa", role: "SUBMITTER", institution: "ZVA" },
  { email: "edgars.krumins@example.lv", name: "Edgars Krūmiņš", role: "SUBMITTER", institution: "SIVA" },
  { email: "kristine.abola@example.lv", name: "Kristīne Ābola", role: "SUBMITTER", institution: "KISC" },
  { email: "raimonds.vitols@example.lv", name: "Raimonds Vītols", role: "SUBMITTER", institution: "VTUA" },
  { email: "dace.sproge@example.lv", name: "Dace Sproģe", role: "SUBMITTER", institution: "NKMP" },
  { email: "toms.eglitis@example.lv", name: "Toms Eglītis", role: "SUBMITTER", institution: "IUB" },
  { email: "sandra.lace@example.lv", name: "Sandra Lāce", role: "SUBMITTER", institution: "VTEB" },
] as const;
