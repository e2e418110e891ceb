// Demo content for Idea Lab (Ideju laboratorija) – #GovLabLatvia.
// All texts are fictional examples written for demonstration purposes.

export type PrincipleKey = "embrace" | "equip" | "partner" | "test" | "share";
export type StageKey = "submitted" | "discover" | "define" | "develop" | "test" | "scale" | "implemented" | "stopped";
export type InstitutionCode = "VK" | "VTEB" | "UR" | "LAD" | "VMD" | "KISC" | "VVD" | "TA" | "SIVA" | "VTUA" | "IUB" | "NKMP" | "ZVA";
export type DemoExperiment = {
  hypothesis: string; // "Mēs uzskatām, ka…"
  method: string; // "Lai to pārbaudītu, mēs…"
  methodType: "INTERVIEWS" | "PROTOTYPE_TEST" | "PILOT" | "AB_TEST" | "SURVEY" | "DATA_ANALYSIS" | "OTHER";
  metric: string; // "Mēs mērīsim…"
  successCriterion: string; // "Mums ir taisnība, ja…"
  startsDaysAgo: number; // start date, days before today
  durationDays: number;
  status: "PLANNED" | "RUNNING" | "COMPLETED";
  participants: number | null;
  // Learning card: required when status is COMPLETED, omitted otherwise
  observed?: string; // "Mēs novērojām…"
  learned?: string; // "No tā mēs uzzinājām…"
  result?: "VALIDATED" | "INVALIDATED" | "INCONCLUSIVE";
  evidenceStrength?: "WEAK" | "MEDIUM" | "STRONG";
  decision?: "PERSEVERE" | "PIVOT" | "STOP" | "SCALE";
};
export type DemoIdea = {
  title: string; // 5–120 characters
  summary: string; // one sentence, ≤ 280 characters
  usersAffected: string; // who are the users, ≤ 2000
  problem: string; // their problem or need, ≤ 4000
  evidence: string; // how do you know, ≤ 4000 (may be "" only for DRAFT)
  usersTalkedTo: number | null;
  solution: string; // what do you propose
  expectedValue: string; // what value will it create
  firstTest: string; // how could it be tested quickly and cheaply
  partners: string; // who should be involved
  principles: PrincipleKey[]; // at least one (except drafts may have [])
  institution: InstitutionCode;
  author: string; // one of the author e-mails
  status: "DRAFT" | "NEEDS_INFO" | "ACTIVE" | "DECLINED" | "WITHDRAWN";
  path: StageKey[];
  daysAgo: number; // days since the idea was submitted (for drafts: since created)
  question?: string; // NEEDS_INFO only: the facilitator's question to the author
  declineReason?: string; // DECLINED only
  closingNote?: string; // required when the last stage is "implemented" or "stopped"
  assignee?: "facilitator@example.lv" | "ilze.facilitatore@example.lv";
  experiments?: DemoExperiment[];
  comments?: { author: string; body: string; internal?: boolean; daysAgo: number }[];
};

export const demoIdeas: DemoIdea[] = [
  // ───────────────────────── UR – Uzņēmumu reģistrs (submitter@example.lv) ─────────────────────────
  {
    title: "Pašpārbaudes saraksts pirms uzņēmuma reģistrācijas pieteikuma iesniegšanas",
    summary:
      "Īss interaktīvs pārbaudes saraksts, kas palīdz jaunajiem uzņēmējiem pirms iesniegšanas pārliecināties, ka pieteikumam pievienoti visi nepieciešamie dokumenti.",
    usersAffected:
      "Cilvēki, kas pirmo reizi dibina sabiedrību ar ierobežotu atbildību vai reģistrē individuālo komersantu. Bieži tie ir mazo uzņēmumu dibinātāji bez jurista vai grāmatveža atbalsta.",
    problem:
      "Ievērojama daļa pieteikumu tiek atlikti, jo trūkst kāda dokumenta vai paraksta. Uzņēmējs par to uzzina tikai pēc vairākām dienām un ir jāiesniedz viss vēlreiz.",
    evidence: "",
    usersTalkedTo: null,
    solution: "Reģistra tīmekļvietnē izveidot dažu jautājumu pārbaudes sarakstu, kas atkarībā no atbildēm parāda, kuri dokumenti un paraksti ir vajadzīgi.",
    expectedValue: "",
    firstTest: "",
    partners: "",
    principles: [],
    institution: "UR",
    author: "submitter@example.lv",
    status: "DRAFT",
    path: [],
    daysAgo: 6,
  },
  {
    title: "Atgādinājumi biedrībām par gada pārskata iesniegšanas termiņu",
    summary: "Automātisks e-pasta atgādinājums biedrībām un nodibinājumiem mēnesi pirms gada pārskata iesniegšanas termiņa, lai mazinātu kavējumus un sodus.",
    usersAffected:
      "Biedrību un nodibinājumu valdes locekļi, kuri šo darbu bieži dara brīvprātīgi un savā brīvajā laikā. Īpaši mazās lauku biedrības, kurās nav algota grāmatveža.",
    problem:
      "Daudzas biedrības nokavē gada pārskata termiņu nevis ļaunprātības dēļ, bet tāpēc, ka vienkārši par to aizmirst vai nezina, ka pienākums attiecas arī uz tām. Pēc tam seko administratīvā lietvedība, kas prasa laiku gan biedrībai, gan iestādei.",
    evidence:
      "Klientu konsultantu žurnālā katru pavasari ir desmitiem zvanu no biedrībām, kas jautā, kāpēc saņēmušas vēstuli par kavējumu. Kolēģi stāsta, ka daudzi zvanītāji saka: „Mēs nezinājām, ka arī mums tas jādara.”",
    usersTalkedTo: 6,
    solution:
      "Izmantojot oficiālās elektroniskās adreses un reģistrā norādītos e-pastus, nosūtīt īsu, vienkāršā valodā rakstītu atgādinājumu ar saiti uz iesniegšanas instrukciju.",
    expectedValue: "Mazāk nokavētu pārskatu, mazāk administratīvo lietu un mazāk zvanu klientu centram.",
    firstTest: "Vienā reģionā nosūtīt atgādinājumu pusei biedrību un salīdzināt kavējumu skaitu ar otru pusi.",
    partners: "Valsts ieņēmumu dienests, NVO atbalsta centri reģionos.",
    principles: ["test", "partner"],
    institution: "UR",
    author: "submitter@example.lv",
    status: "NEEDS_INFO",
    path: ["submitted"],
    daysAgo: 18,
    question:
      "Paldies par ideju! Vai varat precizēt, cik biedrību gadā nokavē termiņu un vai Valsts ieņēmumu dienests jau šobrīd nesūta līdzīgus atgādinājumus? Gribam pārliecināties, ka cilvēki nesaņems divus dažādus paziņojumus.",
    comments: [
      {
        author: "ilze.facilitatore@example.lv",
        body: "Pirms pieņemam lēmumu, jānoskaidro, vai VID EDS jau nesūta atgādinājumus par gada pārskatiem – citādi dublēsim.",
        internal: true,
        daysAgo: 15,
      },
    ],
  },
  {
    title: "Atteikuma lēmumi uzņēmējiem vienkāršā valodā",
    summary: "Pārrakstīt biežāk izmantotās lēmumu veidnes tā, lai uzņēmējs jau pirmajā rindkopā saprastu, kas jālabo un līdz kuram datumam.",
    usersAffected:
      "Uzņēmēji un biedrību pārstāvji, kuri saņem lēmumu par reģistrācijas atlikšanu vai atteikumu. Daudzi no viņiem nav juristi, un latviešu valoda ne visiem ir dzimtā.",
    problem:
      "Pašreizējie lēmumi sākas ar garu tiesību normu uzskaitījumu, un tas, kas konkrēti jāizlabo, atrodams tikai dokumenta beigās. Cilvēki zvana vai ierodas klātienē, lai pajautātu, ko lēmums nozīmē.",
    evidence:
      "Esmu izskatījusi 40 nejauši izvēlētus klientu zvanus: vairāk nekā puse no tiem bija jautājumi par to, kas rakstīts jau saņemtā lēmumā. Trīs uzņēmēji intervijās teica, ka lēmumu pārsūtījuši juristam tikai tāpēc, ka to nesaprata.",
    usersTalkedTo: 3,
    solution:
      "Kopā ar juristiem pārrakstīt piecas biežāk izmantotās lēmumu veidnes: sākumā īss kopsavilkums („Kas jums jādara”), tad termiņš, un tikai beigās juridiskais pamatojums.",
    expectedValue: "Ātrāk izlaboti pieteikumi, mazāk atkārtotu iesniegumu un zvanu, lielāka uzticēšanās iestādei.",
    firstTest: "Parādīt piecām personām veco un jauno lēmuma versiju un palūgt pastāstīt, kas viņiem jādara.",
    partners: "UR juridiskais departaments, Valsts kancelejas komunikācijas speciālisti.",
    principles: ["test", "share"],
    institution: "UR",
    author: "submitter@example.lv",
    status: "ACTIVE",
    path: ["submitted"],
    daysAgo: 5,
  },
  {
    title: "Patiesā labuma guvēja deklarēšana soli pa solim",
    summary: "Interaktīvs ceļvedis, kas ar jautājumiem palīdz uzņēmējam noteikt, kurš ir patiesā labuma guvējs, un aizpildīt paziņojumu bez kļūdām.",
    usersAffected:
      "Mazo un vidējo uzņēmumu valdes locekļi, grāmatveži un biedrību vadītāji, kuriem jāziņo par patiesā labuma guvējiem. Īpaši tie, kuru īpašnieku struktūra ietver ārvalstu uzņēmumus vai ģimenes locekļus.",
    problem:
      "Jēdziens „patiesā labuma guvējs” daudziem nav saprotams, un paziņojumos bieži ir kļūdas vai nepilnīga informācija. Tas rada atkārtotus pieprasījumus un uzņēmējiem – bailes saņemt sodu.",
    evidence:
      "Konsultāciju statistikā šis ir otrs biežākais jautājumu temats. Aprunājāmies ar 9 uzņēmējiem un 4 grāmatvežiem; gandrīz visi atzina, ka deklarēšanas laikā meklējuši skaidrojumu forumos vai jautājuši paziņām.",
    usersTalkedTo: 13,
    solution:
      "Izveidot ceļvedi ar 5–7 jautājumiem („Vai kādai fiziskai personai pieder vairāk nekā 25 % daļu?” u. tml.), kas beigās parāda konkrētu ieteikumu un saiti uz pareizo veidlapu.",
    expectedValue: "Mazāk kļūdainu paziņojumu, mazāk konsultāciju un skaidrāka izpratne par pienākumu.",
    firstTest: "Papīra prototips ar jautājumiem, ko izmēģināt ar klientiem uzgaidāmajā telpā.",
    partners: "Finanšu izlūkošanas dienests, Latvijas Grāmatvežu asociācija.",
    principles: ["equip", "partner"],
    institution: "UR",
    author: "submitter@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop"],
    daysAgo: 120,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka uzņēmēji ar jautājumu ceļveža palīdzību pareizi noteiks patiesā labuma guvēju bez konsultanta palīdzības.",
        method:
          "Lai to pārbaudītu, mēs klientu centrā lūgsim apmeklētājiem izmantot papīra prototipu un pēc tam salīdzināsim viņu atbildi ar konsultanta vērtējumu.",
        methodType: "PROTOTYPE_TEST",
        metric: "Mēs mērīsim, cik dalībnieku pareizi noteica patiesā labuma guvēju un cik ilgā laikā.",
        successCriterion: "Mums ir taisnība, ja vismaz 8 no 10 dalībniekiem atbilde sakrīt ar konsultanta vērtējumu.",
        startsDaysAgo: -7,
        durationDays: 14,
        status: "PLANNED",
        participants: null,
      },
    ],
    comments: [
      {
        author: "facilitator@example.lv",
        body: "Problēmas definīcija ir skaidra. Ieteiktu sākt ar vienkāršākajiem gadījumiem (viens vai divi īpašnieki) un sarežģītās struktūras atstāt konsultantiem.",
        daysAgo: 40,
      },
      { author: "submitter@example.lv", body: "Piekrītu, pirmajā versijā ceļvedis aptvers tikai SIA ar fiziskām personām kā dalībniekiem.", daysAgo: 38 },
    ],
  },
  {
    title: "Tiešsaistes pieraksts konsultācijām klientu apkalpošanas centrā",
    summary: "Klienti var iepriekš pierakstīties uz konkrētu laiku konsultācijai klientu centrā, nevis gaidīt dzīvajā rindā.",
    usersAffected:
      "Uzņēmēji, juristi un privātpersonas, kas ierodas klientu apkalpošanas centrā Rīgā, kā arī cilvēki no reģioniem, kuri brauc uz Rīgu speciāli konsultācijas dēļ.",
    problem:
      "Rītos un pirms svētkiem rindas klientu centrā sasniedza pat pusotru stundu. Cilvēki no reģioniem brauca vairākas stundas un nezināja, vai tiks pieņemti tajā pašā dienā.",
    evidence:
      "Rindu sistēmas dati rādīja, ka vidējais gaidīšanas laiks pirmdienās bija 47 minūtes. Klientu atsauksmēs rindas bija visbiežāk minētā problēma, un 12 intervētie klienti gandrīz vienbalsīgi teica, ka labprāt izvēlētos laiku iepriekš.",
    usersTalkedTo: 12,
    solution: "Ieviest tiešsaistes pierakstu ar 20 minūšu laika nišām un atstāt daļu laika dzīvajai rindai tiem, kas ierodas bez pieraksta.",
    expectedValue: "Īsāks gaidīšanas laiks, vienmērīgāka darba slodze konsultantiem un prognozējams apmeklējums klientiem.",
    firstTest: "Divas nedēļas piedāvāt pierakstu tikai otrdienās un ceturtdienās, izmantojot bezmaksas kalendāra rīku.",
    partners: "UR IT nodaļa, klientu apkalpošanas centra darbinieki.",
    principles: ["test", "embrace"],
    institution: "UR",
    author: "submitter@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "scale", "implemented"],
    daysAgo: 300,
    assignee: "ilze.facilitatore@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka vismaz trešdaļa klientu izvēlēsies pierakstīties iepriekš, ja tāda iespēja būs piedāvāta.",
        method:
          "Lai to pārbaudītu, mēs divas nedēļas otrdienās un ceturtdienās piedāvājām pierakstu ar vienkāršu kalendāra rīku un informējām par to tīmekļvietnē.",
        methodType: "PILOT",
        metric: "Mēs mērīsim pierakstīto klientu īpatsvaru un vidējo gaidīšanas laiku pilota dienās.",
        successCriterion: "Mums ir taisnība, ja pierakstās vismaz 30 % klientu un gaidīšanas laiks samazinās vismaz par ceturtdaļu.",
        startsDaysAgo: 210,
        durationDays: 14,
        status: "COMPLETED",
        participants: 286,
        observed:
          "Mēs novērojām, ka pierakstījās 41 % klientu, un vidējais gaidīšanas laiks pilota dienās samazinājās no 38 līdz 14 minūtēm. Neieradās aptuveni 9 % pierakstīto.",
        learned: "No tā mēs uzzinājām, ka pieprasījums pēc pieraksta ir lielāks, nekā gaidījām, bet jādomā par atgādinājumiem, lai mazinātu neierašanos.",
        result: "VALIDATED",
        evidenceStrength: "STRONG",
        decision: "SCALE",
      },
      {
        hypothesis: "Mēs uzskatām, ka īsziņas atgādinājums dienu iepriekš samazinās neierašanos vismaz uz pusi.",
        method: "Lai to pārbaudītu, mēs mēnesi sūtījām atgādinājumu visiem pierakstītajiem klientiem.",
        methodType: "PILOT",
        metric: "Mēs mērīsim neieradušos klientu īpatsvaru.",
        successCriterion: "Mums ir taisnība, ja neierašanās samazinās zem 5 %.",
        startsDaysAgo: 150,
        durationDays: 30,
        status: "COMPLETED",
        participants: 812,
        observed: "Mēs novērojām, ka neierašanās samazinājās līdz 3,8 %, un vairāki klienti atbildēja uz īsziņu, lai pārceltu laiku.",
        learned: "No tā mēs uzzinājām, ka atgādinājumam jāļauj arī ērti atcelt vai pārcelt vizīti – tas atbrīvo laikus citiem.",
        result: "VALIDATED",
        evidenceStrength: "MEDIUM",
        decision: "SCALE",
      },
    ],
    closingNote:
      "Tiešsaistes pieraksts ieviests visās darba dienās. Vidējais gaidīšanas laiks samazinājies no 38 līdz 12 minūtēm, un klientu apmierinātība aptaujās pieaugusi. Risinājums un pieredze nodota arī citām iestādēm laboratorijas prakses kopienā.",
    comments: [
      {
        author: "manager@example.lv",
        body: "Lielisks piemērs, kā mazs eksperiments pārvēršas pastāvīgā pakalpojuma uzlabojumā. Iesaku prezentēt nākamajā inovāciju kopienas tikšanās reizē.",
        daysAgo: 20,
      },
    ],
  },

  // ───────────────────────── LAD – Lauku atbalsta dienests (anna.berzina@example.lv) ─────────────────────────
  {
    title: "Platību maksājumu pieteikuma iepriekšpārbaude kartē pirms iesniegšanas",
    summary:
      "Elektroniskās pieteikšanās sistēmā lauksaimnieks jau pieteikuma aizpildīšanas laikā redz kartē iezīmētās kļūdas un pārklāšanās ar kaimiņu laukiem.",
    usersAffected:
      "Lauksaimnieki, kuri katru pavasari iesniedz vienoto platību maksājumu pieteikumu. Daudzi no viņiem ir vecāki par 55 gadiem un to dara reizi gadā, tāpēc sistēmu neatceras.",
    problem:
      "Pēc pieteikuma iesniegšanas dienests atrod lauku robežu pārklāšanās un kļūdainas kultūraugu atzīmes, un lauksaimniekam jālabo pieteikums jau pēc termiņa. Tas rada stresu un dažkārt arī maksājumu samazinājumu.",
    evidence:
      "Pagājušajā sezonā vairāk nekā 3000 pieteikumos bija jāveic labojumi pēc iesniegšanas. Reģionālo pārvalžu konsultanti stāsta, ka lielākā daļa kļūdu ir tādas, kuras varētu pamanīt jau aizpildīšanas laikā. Runāju ar 11 lauksaimniekiem Zemgalē un Latgalē.",
    usersTalkedTo: 11,
    solution:
      "Pievienot e-pieteikumam automātisku pārbaudi, kas kartē ar sarkanu krāsu iezīmē pārklāšanās un aizdomīgas vietas un paskaidro, kā tās izlabot, vēl pirms poga „Iesniegt” kļūst aktīva.",
    expectedValue: "Mazāk labojumu pēc termiņa, ātrāka maksājumu izmaksa un mazāk stresa lauksaimniekiem.",
    firstTest: "Izmēģināt pārbaudes funkciju ar lauksaimniekiem, kuri pieteikumu aizpilda reģionālajā pārvaldē kopā ar konsultantu.",
    partners: "LAD IT departaments, Latvijas Lauku konsultāciju un izglītības centrs, Zemkopības ministrija.",
    principles: ["test", "partner"],
    institution: "LAD",
    author: "anna.berzina@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test"],
    daysAgo: 160,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka, redzot kļūdas kartē aizpildīšanas laikā, lauksaimnieki tās izlabos pirms iesniegšanas.",
        method: "Lai to pārbaudītu, mēs divās reģionālajās pārvaldēs ieslēdzam iepriekšpārbaudi visiem pieteikumiem, kas tiek aizpildīti kopā ar konsultantu.",
        methodType: "PILOT",
        metric: "Mēs mērīsim, cik pieteikumos pēc iesniegšanas vēl jāveic labojumi, salīdzinot ar pārvaldēm bez iepriekšpārbaudes.",
        successCriterion: "Mums ir taisnība, ja pilota pārvaldēs labojumu īpatsvars ir vismaz par 30 % mazāks.",
        startsDaysAgo: 20,
        durationDays: 45,
        status: "RUNNING",
        participants: 140,
      },
    ],
    comments: [
      {
        author: "facilitator@example.lv",
        body: "Pilots sākts Jelgavas un Rēzeknes pārvaldē. Pirmajā nedēļā konsultanti ziņo, ka lauksaimnieki kartes brīdinājumus saprot, bet daļa tekstu ir par garu.",
        daysAgo: 12,
      },
    ],
  },
  {
    title: "Iepriekšējs zvans saimniekam pirms pārbaudes vizītes",
    summary:
      "Inspektors dažas dienas pirms pārbaudes piezvana saimniekam, izskaidro, kas tiks pārbaudīts, un vienojas par ērtu laiku, ja vien pārbaudes mērķis to pieļauj.",
    usersAffected:
      "Lauksaimnieki un mājsaimniecības, kas saņem atbalsta maksājumus un kurās dienests veic pārbaudes uz vietas. Bieži tās ir nelielas ģimenes saimniecības, kurās saimnieks pats strādā laukā.",
    problem:
      "Inspektori ierodas, bet saimnieks ir prom vai nevar atrast vajadzīgos dokumentus, tāpēc pārbaude ieilgst vai jābrauc atkārtoti. Saimnieki pārbaudi uztver kā sodu, nevis kā kopīgu darbu.",
    evidence:
      "Inspektoru atskaitēs aptuveni katrā piektajā vizītē saimnieks nav bijis uz vietas vai nav bijuši dokumenti. Intervijās saimnieki stāstīja, ka „negaidītā vizīte” rada bailes un neuzticēšanos.",
    usersTalkedTo: 15,
    solution:
      "Ieviest standarta tālruņa zvanu ar skaidru scenāriju 2–3 dienas pirms plānveida pārbaudes un pēc zvana nosūtīt īsziņu ar sarakstu, kādi dokumenti jāsagatavo.",
    expectedValue: "Mazāk atkārtotu braucienu, īsākas pārbaudes un labākas attiecības starp dienestu un saimniekiem.",
    firstTest: "Vienā reģionā mēnesi zvanīt visiem saimniekiem pirms plānveida pārbaudēm un salīdzināt ar iepriekšējo gadu.",
    partners: "LAD Kontroles departaments, reģionālās lauksaimniecības pārvaldes, Zemnieku saeima.",
    principles: ["test", "embrace"],
    institution: "LAD",
    author: "anna.berzina@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "scale"],
    daysAgo: 240,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka iepriekšējs zvans samazinās gadījumu skaitu, kad pārbaude nav iespējama, jo saimnieks nav uz vietas.",
        method:
          "Lai to pārbaudītu, mēs Vidzemes reģionā mēnesi zvanījām visiem saimniekiem pirms plānveida pārbaudēm un pēc tam salīdzinājām rezultātus ar iepriekšējā gada to pašu periodu.",
        methodType: "PILOT",
        metric: "Mēs mērīsim neizdevušos vizīšu īpatsvaru un vidējo pārbaudes ilgumu.",
        successCriterion: "Mums ir taisnība, ja neizdevušos vizīšu īpatsvars samazinās vismaz uz pusi.",
        startsDaysAgo: 150,
        durationDays: 30,
        status: "COMPLETED",
        participants: 96,
        observed:
          "Mēs novērojām, ka neizdevušās vizītes samazinājās no 19 % līdz 4 %, un vidējais pārbaudes ilgums saruka par 35 minūtēm. Vairāki saimnieki pateicās par zvanu.",
        learned: "No tā mēs uzzinājām, ka zvans uzlabo ne tikai efektivitāti, bet arī attieksmi. Svarīgi, lai inspektoriem ir vienots sarunas scenārijs.",
        result: "VALIDATED",
        evidenceStrength: "STRONG",
        decision: "SCALE",
      },
      {
        hypothesis: "Mēs uzskatām, ka saimnieki pēc zvana pārbaudi vērtēs kā taisnīgāku un saprotamāku.",
        method: "Lai to pārbaudītu, mēs pēc pilota pārbaudēm veicām īsu telefonaptauju ar saimniekiem.",
        methodType: "SURVEY",
        metric: "Mēs mērīsim to saimnieku īpatsvaru, kuri pārbaudes norisi vērtē kā „skaidru” vai „ļoti skaidru”.",
        successCriterion: "Mums ir taisnība, ja vismaz 70 % saimnieku pārbaudi vērtē kā skaidru.",
        startsDaysAgo: 115,
        durationDays: 10,
        status: "COMPLETED",
        participants: 58,
        observed:
          "Mēs novērojām, ka 83 % aptaujāto pārbaudi vērtēja kā skaidru vai ļoti skaidru. Daži norādīja, ka gribētu dokumentu sarakstu saņemt arī e-pastā.",
        learned: "No tā mēs uzzinājām, ka dokumentu saraksts rakstiski ir tikpat svarīgs kā pats zvans.",
        result: "VALIDATED",
        evidenceStrength: "MEDIUM",
        decision: "SCALE",
      },
    ],
    comments: [
      {
        author: "manager@example.lv",
        body: "Apsveicu ar rezultātiem! Lūdzu sagatavot īsu aprakstu, ko varam dalīt ar citām uzraudzības iestādēm.",
        daysAgo: 60,
      },
      {
        author: "facilitator@example.lv",
        body: "Mērogošanas plāns: no nākamā mēneša zvans kļūst par standartu Latgales un Kurzemes reģionā, pēc tam – visā valstī.",
        internal: true,
        daysAgo: 45,
      },
    ],
  },
  {
    title: "Jauno lauksaimnieku ceļš līdz pirmajam atbalsta maksājumam",
    summary:
      "Izpētīt un kartēt, kā jaunais lauksaimnieks no idejas par saimniecību nonāk līdz pirmajam atbalsta maksājumam, lai atrastu vietas, kur viņš apmaldās.",
    usersAffected:
      "Jaunie lauksaimnieki līdz 40 gadu vecumam, kuri pirmo reizi piesakās atbalstam, tostarp cilvēki, kas pārcēlušies no pilsētas uz laukiem un nepazīst nozari.",
    problem:
      "Jaunajiem lauksaimniekiem jāsaskaras ar vairākām iestādēm, reģistriem un termiņiem, un nav neviena, kas parādītu visu ceļu no sākuma līdz beigām. Daudzi atsakās jau pašā sākumā vai nokavē pirmo pieteikšanās sezonu.",
    evidence:
      "Jauno lauksaimnieku pasākumam pieteikumu skaits pēdējos gados samazinās. Neformālās sarunās lauku konsultanti stāsta, ka jaunie saimnieki „nezina, ar ko sākt”. Sistemātiska izpēte vēl nav veikta.",
    usersTalkedTo: 4,
    solution:
      "Veikt 10–15 padziļinātas intervijas ar jaunajiem lauksaimniekiem un izveidot klienta ceļa karti, kas parāda visus soļus, iestādes un sāpīgākos brīžus.",
    expectedValue: "Skaidrs priekšstats par to, kur jaunie lauksaimnieki apmaldās, un pamats mērķtiecīgiem uzlabojumiem.",
    firstTest: "Klienta ceļa kartes melnrakstu apspriest ar trim jaunajiem lauksaimniekiem un diviem konsultantiem.",
    partners: "Latvijas Lauku konsultāciju un izglītības centrs, Latvijas Jauno zemnieku klubs, Valsts ieņēmumu dienests.",
    principles: ["partner", "share"],
    institution: "LAD",
    author: "anna.berzina@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover"],
    daysAgo: 40,
    assignee: "ilze.facilitatore@example.lv",
  },
  {
    title: "Atsevišķa mobilā lietotne katram atbalsta pasākumam",
    summary: "Izstrādāt atsevišķu mobilo lietotni katram populārākajam atbalsta pasākumam, lai lauksaimnieks varētu pieteikties no telefona.",
    usersAffected: "Lauksaimnieki, kuri lielāko daļu laika pavada laukā un kuriem dators nav pie rokas.",
    problem: "Lauksaimniekiem nav ērti pieteikties atbalstam, jo elektroniskā pieteikšanās sistēma telefonā darbojas slikti.",
    evidence: "Vairāki lauksaimnieki izstādē teica, ka gribētu visu izdarīt telefonā.",
    usersTalkedTo: 5,
    solution: "Katram no pieciem populārākajiem pasākumiem izveidot savu mobilo lietotni ar vienkāršotu pieteikumu.",
    expectedValue: "Ērtāka pieteikšanās lauksaimniekiem.",
    firstTest: "",
    partners: "LAD IT departaments.",
    principles: ["embrace"],
    institution: "LAD",
    author: "anna.berzina@example.lv",
    status: "DECLINED",
    path: ["submitted"],
    daysAgo: 90,
    declineReason:
      "Problēma ir reāla, bet piedāvātais risinājums radītu piecas atsevišķi uzturamas lietotnes un sadrumstalotu pieredzi. LAD jau plāno pielāgot esošo e-pieteikšanās sistēmu mobilajām ierīcēm, tāpēc iesakām iesaistīties šī projekta lietotāju testēšanā. Aicinām iesniegt jaunu ideju, ja izpētē atklāsies konkrēti soļi, kas telefonā nav izdarāmi.",
    comments: [
      {
        author: "ilze.facilitatore@example.lv",
        body: "Esam sazinājušies ar LAD IT departamentu – mobilās versijas projekts sāksies rudenī, un viņi labprāt uzaicinās lauksaimniekus uz testēšanu.",
        daysAgo: 85,
      },
    ],
  },

  // ───────────────────────── VMD – Valsts meža dienests (janis.ozols@example.lv) ─────────────────────────
  {
    title: "Koku ciršanas apliecinājuma pieteikums ar cirsmas iezīmēšanu kartē",
    summary: "Meža īpašnieks, piesakot koku ciršanu, cirsmu iezīmē tieši kartē, nevis zīmē plānu uz papīra un raksta kvartāla un nogabala numurus.",
    usersAffected:
      "Privāto mežu īpašnieki, īpaši tie, kuriem pieder neliels meža īpašums un kuri ciršanu piesaka reizi dažos gados. Daļa no viņiem ir mantojuši mežu un dzīvo pilsētā vai ārzemēs.",
    problem:
      "Daudzi īpašnieki nezina, kā atrast sava meža kvartāla un nogabala numurus, un pieteikumos ir kļūdas. Tad mežziņiem jāzvana un jāprecizē, un apliecinājuma izsniegšana aizkavējas.",
    evidence:
      "Virsmežniecību dati rāda, ka katrā ceturtajā pieteikumā tiek precizēta cirsmas atrašanās vieta. Mežziņi saka, ka tas ir viņu laikietilpīgākais rutīnas darbs. Runājām ar 8 meža īpašniekiem; vairums mežu atpazina kartē, bet ne pēc numuriem.",
    usersTalkedTo: 8,
    solution: "E-pakalpojumā pievienot karti ar meža īpašuma robežām, kurā īpašnieks iezīmē plānoto cirsmu, un sistēma pati nosaka kvartālu un nogabalu.",
    expectedValue: "Mazāk kļūdainu pieteikumu, ātrāka apliecinājumu izsniegšana un mazāk mežziņu laika precizēšanai.",
    firstTest: "Klikšķināms prototips, ko izmēģināt ar meža īpašniekiem konsultāciju dienās.",
    partners: "VMD Meža resursu departaments, Latvijas Meža īpašnieku biedrība, Valsts zemes dienests.",
    principles: ["test", "partner"],
    institution: "VMD",
    author: "janis.ozols@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test"],
    daysAgo: 200,
    assignee: "ilze.facilitatore@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka meža īpašnieki paši spēs kartē precīzi iezīmēt cirsmu, ja redzēs sava īpašuma robežas uz ortofoto kartes.",
        method:
          "Lai to pārbaudītu, mēs konsultāciju dienās lūdzām īpašniekiem iezīmēt cirsmu klikšķināmā prototipā un salīdzinājām rezultātu ar mežziņa iezīmēto.",
        methodType: "PROTOTYPE_TEST",
        metric: "Mēs mērīsim, cik iezīmējumu atbilst mežziņa iezīmētajai cirsmai vismaz par 90 %.",
        successCriterion: "Mums ir taisnība, ja vismaz 7 no 10 iezīmējumiem ir pietiekami precīzi.",
        startsDaysAgo: 90,
        durationDays: 21,
        status: "COMPLETED",
        participants: 14,
        observed:
          "Mēs novērojām, ka tikai 5 no 14 dalībniekiem cirsmu iezīmēja pietiekami precīzi. Vairākiem bija grūti orientēties ortofoto kartē, un viņi meklēja ceļus un grāvjus, kas kartē nebija redzami.",
        learned:
          "No tā mēs uzzinājām, ka brīvā zīmēšana ir par sarežģītu. Īpašniekiem ir vieglāk izvēlēties jau esošos nogabalus, klikšķinot uz tiem, un tikai vajadzības gadījumā koriģēt robežu.",
        result: "INVALIDATED",
        evidenceStrength: "MEDIUM",
        decision: "PIVOT",
      },
      {
        hypothesis: "Mēs uzskatām, ka nogabalu izvēle ar klikšķi kartē būs pietiekami vienkārša, lai īpašnieki to izdarītu bez palīdzības.",
        method:
          "Lai to pārbaudītu, mēs pārveidojām prototipu – nogabali ir iekrāsoti un izvēlami ar klikšķi – un to izmēģinām ar īpašniekiem divās virsmežniecībās.",
        methodType: "PROTOTYPE_TEST",
        metric: "Mēs mērīsim pareizi aizpildīto pieteikumu īpatsvaru un laiku, kas vajadzīgs iezīmēšanai.",
        successCriterion: "Mums ir taisnība, ja vismaz 8 no 10 dalībniekiem pareizi izvēlas nogabalus mazāk nekā 5 minūtēs.",
        startsDaysAgo: 14,
        durationDays: 28,
        status: "RUNNING",
        participants: 9,
      },
    ],
    comments: [
      {
        author: "ilze.facilitatore@example.lv",
        body: "Pirmais tests neizdevās, bet tas ir ļoti vērtīgs rezultāts – tagad zinām, ka brīvā zīmēšana nav īstais ceļš. Labi, ka to uzzinājām ar prototipu, nevis gatavu sistēmu.",
        daysAgo: 60,
      },
      { author: "janis.ozols@example.lv", body: "Otrā prototipa versija gatava, testēšana sākas Zemgales un Dienvidkurzemes virsmežniecībā.", daysAgo: 15 },
    ],
  },
  {
    title: "Meža īpašnieku konsultāciju pieraksts reģionālajās virsmežniecībās",
    summary: "Vienota iespēja meža īpašniekiem tiešsaistē pierakstīties uz konsultāciju pie mežziņa jebkurā virsmežniecībā.",
    usersAffected:
      "Meža īpašnieki, kuri vēlas saņemt konsultāciju par meža apsaimniekošanu, ciršanu vai atjaunošanu, īpaši tie, kas dzīvo tālu no sava meža īpašuma.",
    problem:
      "Katra virsmežniecība konsultācijas organizē savādāk – vienā jāzvana, citā jāraksta e-pasts, citā jānāk pieņemšanas laikā. Īpašnieki nezina, kad mežzinis būs uz vietas, un brauc veltīgi.",
    evidence:
      "Klientu aptaujā 2 no 5 respondentiem atzina, ka vismaz reizi ieradušies virsmežniecībā, kad vajadzīgais speciālists nav bijis pieejams. Mežziņi stāsta, ka daudz laika pavada, atbildot uz zvaniem par pieņemšanas laikiem.",
    usersTalkedTo: 7,
    solution:
      "Ieviest vienotu tiešsaistes pierakstu, kurā redzami katras virsmežniecības mežziņu pieņemšanas laiki un iespēja izvēlēties arī attālinātu konsultāciju.",
    expectedValue: "Mazāk veltīgu braucienu, labāk plānots mežziņu darba laiks.",
    firstTest: "Vienā virsmežniecībā trīs mēnešus izmantot bezmaksas pieraksta rīku.",
    partners: "VMD virsmežniecības, Meža konsultāciju pakalpojumu centrs.",
    principles: ["embrace", "test"],
    institution: "VMD",
    author: "janis.ozols@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define"],
    daysAgo: 280,
    assignee: "facilitator@example.lv",
    comments: [
      {
        author: "facilitator@example.lv",
        body: "Idejai jau ilgi nav bijis virzības. Jāsazinās ar autoru, vai virsmežniecību vadītāji ir gatavi vienoties par kopīgu rīku.",
        internal: true,
        daysAgo: 200,
      },
    ],
  },
  {
    title: "Ugunsbīstamības brīdinājumi meža īpašniekiem ar īsziņu",
    summary: "Sūtīt meža īpašniekiem īsziņu, kad viņu reģionā izsludināts ugunsnedrošais laikposms vai augsta ugunsbīstamība.",
    usersAffected: "Meža īpašnieki un apsaimniekotāji, kas nedzīvo pie sava meža, kā arī meža darbu veicēji.",
    problem:
      "Īpašnieki ne vienmēr zina, ka izsludināts ugunsnedrošais laikposms, un turpina darbus, kas var izraisīt ugunsgrēku, piemēram, ciršanas atlieku dedzināšanu.",
    evidence:
      "Ugunsgrēku izmeklēšanas dati rāda, ka daļa meža ugunsgrēku sākušies no atlieku dedzināšanas. Vairāki īpašnieki pēc ugunsgrēka teikuši, ka par aizliegumu nav zinājuši.",
    usersTalkedTo: 10,
    solution: "Izveidot brīvprātīgu pierakstīšanos uz īsziņām un sūtīt brīdinājumus atbilstoši meža īpašuma atrašanās vietai.",
    expectedValue: "Mazāk ugunsgrēku, ko izraisījuši meža īpašnieki, un labāka informētība.",
    firstTest: "Vienā reģionā piedāvāt pierakstu un vērtēt, cik daudz īpašnieku pierakstās un vai mainās uzvedība.",
    partners: "Valsts ugunsdzēsības un glābšanas dienests, Latvijas Meža īpašnieku biedrība.",
    principles: ["test", "partner"],
    institution: "VMD",
    author: "janis.ozols@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "stopped"],
    daysAgo: 310,
    assignee: "ilze.facilitatore@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka vismaz ceturtdaļa uzrunāto meža īpašnieku pierakstīsies uz ugunsbīstamības brīdinājumiem.",
        method:
          "Lai to pārbaudītu, mēs Latgales reģionā nosūtījām vēstuli un e-pastu 1200 meža īpašniekiem ar aicinājumu pierakstīties un visu sezonu sūtījām brīdinājumus pierakstītajiem.",
        methodType: "PILOT",
        metric: "Mēs mērīsim pierakstījušos īpašnieku īpatsvaru un ar atlieku dedzināšanu saistīto izsaukumu skaitu.",
        successCriterion: "Mums ir taisnība, ja pierakstās vismaz 25 % uzrunāto un izsaukumu skaits samazinās salīdzinājumā ar iepriekšējo sezonu.",
        startsDaysAgo: 200,
        durationDays: 90,
        status: "COMPLETED",
        participants: 1200,
        observed:
          "Mēs novērojām, ka pierakstījās tikai 6 % uzrunāto īpašnieku. Izsaukumu skaits mainījās tikpat, cik kaimiņu reģionos, kur brīdinājumi netika sūtīti. Intervijās īpašnieki teica, ka par ugunsbīstamību jau uzzina no ziņām un mobilo operatoru šūnu apraides brīdinājumiem.",
        learned:
          "No tā mēs uzzinājām, ka informācijas trūkums nav galvenais iemesls – cilvēki par aizliegumu zina, bet nenovērtē risku. Atsevišķs īsziņu kanāls dublē esošās valsts brīdināšanas sistēmas.",
        result: "INVALIDATED",
        evidenceStrength: "STRONG",
        decision: "STOP",
      },
    ],
    closingNote:
      "Ideja apturēta: brīdinājumu kanāls neradīja pietiekamu interesi un dublēja valsts šūnu apraides sistēmu. Mācība – problēma ir riska uztvere, nevis informācijas trūkums. Šo atziņu nodevām VUGD sabiedrības informēšanas kampaņas komandai.",
  },
  {
    title: "Medību atļauju papīra formu aizstāšana ar elektroniskām",
    summary: "Pāriet no papīra medību atļaujām uz elektroniskām, kuras mednieks var uzrādīt telefonā.",
    usersAffected: "Mednieki un medību kolektīvu vadītāji, kas katru sezonu saņem medību atļaujas un iesniedz pārskatus par nomedītajiem dzīvniekiem.",
    problem: "Papīra atļaujas jāizņem klātienē virsmežniecībā, tās var pazust vai sabojāties, un pārskatu dati jāievada manuāli.",
    evidence: "Sarunas ar medību kolektīvu vadītājiem un virsmežniecību darbiniekiem liecina, ka atļauju izsniegšana sezonas sākumā aizņem daudz laika.",
    usersTalkedTo: 6,
    solution: "Izsniegt medību atļaujas elektroniski, ar iespēju tās uzrādīt telefonā un iesniegt pārskatu uzreiz pēc medībām.",
    expectedValue: "Ātrāka atļauju saņemšana un precīzāki medību dati.",
    firstTest: "Vienā medību kolektīvā izmēģināt elektronisku atļauju kopā ar papīra formu.",
    partners: "Latvijas Mednieku savienība, Latvijas Mednieku asociācija.",
    principles: ["embrace", "partner"],
    institution: "VMD",
    author: "janis.ozols@example.lv",
    status: "WITHDRAWN",
    path: ["submitted"],
    daysAgo: 70,
    comments: [
      {
        author: "janis.ozols@example.lv",
        body: "Atsaucu ideju – uzzināju, ka elektroniskās medību atļaujas jau ir iekļautas VMD digitalizācijas projektā, kas sāksies nākamgad. Pievienošos tā darba grupai.",
        daysAgo: 55,
      },
    ],
  },

  // ───────────────────────── VVD – Valsts vides dienests (ilze.kalnina@example.lv) ─────────────────────────
  {
    title: "Saprotams skaidrojums par dabas resursu nodokļu pienākumiem atļaujās",
    summary: "Izpētīt, kāpēc uzņēmēji neizprot atļaujās noteiktos dabas resursu nodokļa pienākumus, un sagatavot skaidrojumu vienkāršā valodā.",
    usersAffected:
      "Mazie un vidējie uzņēmumi, kas saņem piesārņojošas darbības atļauju vai ūdens resursu lietošanas atļauju – piemēram, kokapstrādes uzņēmumi, autoservisi, zivju audzētavas un lauku katlumājas.",
    problem:
      "Atļaujās ir atsauces uz dabas resursu nodokļa pienākumiem, bet uzņēmēji bieži nesaprot, kas, kad un kam jādeklarē. Viņi zvana gan VVD, gan VID, un saņem atšķirīgas atbildes, jo katra iestāde atbild tikai par savu daļu.",
    evidence:
      "Reģionālo vides pārvalžu inspektori ziņo, ka jautājumi par nodokli ir vieni no biežākajiem pēc atļaujas saņemšanas. Pārbaudēs konstatēti vairāki gadījumi, kad uzņēmums nav deklarējis ūdens ieguvi, jo uzskatīja, ka to dara VVD.",
    usersTalkedTo: 5,
    solution:
      "Kopā ar VID intervēt uzņēmējus, kartēt, kuros brīžos rodas neskaidrības, un sagatavot kopīgu vienas lapas skaidrojumu, ko pievienot katrai jaunai atļaujai.",
    expectedValue: "Mazāk kļūdu deklarācijās un mazāk zvanu abām iestādēm; uzņēmēji vienuviet saņem skaidru atbildi.",
    firstTest: "Skaidrojuma melnrakstu nosūtīt pieciem uzņēmējiem un pajautāt, vai viņi tagad zina, kas jādara.",
    partners: "Valsts ieņēmumu dienests, Vides aizsardzības un reģionālās attīstības ministrija, Latvijas Tirdzniecības un rūpniecības kamera.",
    principles: ["partner", "share"],
    institution: "VVD",
    author: "ilze.kalnina@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover"],
    daysAgo: 35,
    assignee: "ilze.facilitatore@example.lv",
    comments: [
      {
        author: "ilze.facilitatore@example.lv",
        body: "Labs piemērs tam, kur problēma rodas starp divām iestādēm. Ieteiktu intervijās piedalīties arī kādam VID konsultantam.",
        daysAgo: 30,
      },
    ],
  },
  {
    title: "Vides piesārņojuma ziņošana ar foto un atrašanās vietu",
    summary: "Iedzīvotāji var ziņot par vides piesārņojumu, pievienojot fotoattēlu un atzīmējot vietu kartē, un redzēt, kas notiek ar viņu ziņojumu.",
    usersAffected:
      "Iedzīvotāji, kuri pamana nelegālas izgāztuves, naftas produktu noplūdes, dūmus vai citus vides pārkāpumus. Bieži tie ir pastaigu, makšķerēšanas vai sēņošanas laikā – ar telefonu rokā, bet bez iespējas rakstīt garu iesniegumu.",
    problem:
      "Šobrīd jāzvana vai jāraksta e-pasts, un vietas apraksts bieži ir neprecīzs („aiz lielā ozola pie ceļa”). Inspektori pavada daudz laika, meklējot vietu, un ziņotājs nekad neuzzina, vai kaut kas ir izdarīts.",
    evidence:
      "Pagājušajā gadā saņemti vairāk nekā 4000 ziņojumu; inspektori lēš, ka katrā trešajā vieta bija jāprecizē. Aptaujā 64 % ziņotāju atzina, ka nezina, kas notika pēc viņu ziņojuma, un daļa teica, ka tāpēc vairs neziņos.",
    usersTalkedTo: 22,
    solution: "Izveidot vienkāršu tīmekļa formu, kas darbojas telefonā: foto, atzīme kartē, īss apraksts. Ziņotājs saņem saiti, kurā redz ziņojuma statusu.",
    expectedValue: "Precīzāki ziņojumi, ātrāka inspektoru reakcija un lielāka iedzīvotāju uzticēšanās.",
    firstTest: "Vienā reģionā mēnesi pieņemt ziņojumus caur vienkāršu formu un salīdzināt precizēšanas vajadzību.",
    partners: "VVD reģionālās vides pārvaldes, pašvaldības, Latvijas Dabas fonds.",
    principles: ["test", "partner"],
    institution: "VVD",
    author: "ilze.kalnina@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test"],
    daysAgo: 180,
    assignee: "ilze.facilitatore@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka ziņojumi ar foto un kartes atzīmi būs pietiekami precīzi, lai inspektoriem vairs nebūtu jāzvana ziņotājam.",
        method: "Lai to pārbaudītu, mēs Vidzemes reģionā sešas nedēļas pieņēmām ziņojumus caur tīmekļa formas prototipu.",
        methodType: "PILOT",
        metric: "Mēs mērīsim to ziņojumu īpatsvaru, kuros bija jāprecizē vieta vai apraksts.",
        successCriterion: "Mums ir taisnība, ja precizēšana vajadzīga mazāk nekā 10 % ziņojumu.",
        startsDaysAgo: 95,
        durationDays: 42,
        status: "COMPLETED",
        participants: 187,
        observed:
          "Mēs novērojām, ka precizēšana bija vajadzīga tikai 7 % ziņojumu. Inspektori vidēji ieradās vietā divas dienas ātrāk. Tomēr daļa fotoattēlu bija bez atrašanās vietas datiem.",
        learned: "No tā mēs uzzinājām, ka kartes atzīme ir svarīgāka par foto metadatiem, un formā tā jāpadara obligāta.",
        result: "VALIDATED",
        evidenceStrength: "MEDIUM",
        decision: "PERSEVERE",
      },
      {
        hypothesis: "Mēs uzskatām, ka ziņotāji, kuri redz ziņojuma statusu, biežāk ziņos atkārtoti un vērtēs iestādi pozitīvāk.",
        method: "Lai to pārbaudītu, mēs pusei ziņotāju sūtām saiti uz statusa lapu, bet otrai pusei – tikai apstiprinājumu par saņemšanu.",
        methodType: "AB_TEST",
        metric: "Mēs mērīsim ziņotāju apmierinātību īsā aptaujā un atkārtoto ziņojumu skaitu.",
        successCriterion: "Mums ir taisnība, ja statusa lapas grupā apmierinātība ir vismaz par 15 procentpunktiem augstāka.",
        startsDaysAgo: 30,
        durationDays: 60,
        status: "RUNNING",
        participants: 120,
      },
    ],
  },
  {
    title: "Piesārņojošas darbības atļaujas pieteikuma veidlapas vienkāršošana",
    summary: "Pārstrādāt B kategorijas piesārņojošas darbības atļaujas pieteikuma veidlapu, atmetot liekos jautājumus un pievienojot piemērus.",
    usersAffected:
      "Uzņēmumi, kas piesakās B kategorijas piesārņojošas darbības atļaujai – katlumājas, kokapstrādes cehi, degvielas uzpildes stacijas, lopkopības fermas. Bieži veidlapu aizpilda pats uzņēmuma vadītājs, nevis vides speciālists.",
    problem:
      "Veidlapa bija 34 lappuses gara, ar jautājumiem, kas daudziem uzņēmumiem nav attiecināmi. Gandrīz katrs pieteikums tika atgriezts papildināšanai, un atļaujas izsniegšana ievilkās mēnešiem.",
    evidence:
      "Analizējot 120 pieteikumus, konstatējām, ka 87 % tika pieprasīta papildu informācija, visbiežāk par tām pašām piecām sadaļām. Intervijās uzņēmēji veidlapu sauca par „biedējošu” un teica, ka bez konsultanta to nevarētu aizpildīt.",
    usersTalkedTo: 14,
    solution:
      "Pārstrādāt veidlapu: ievadjautājumi nosaka, kuras sadaļas jāaizpilda, katrai sadaļai pievienots aizpildīts piemērs, un tekstā izmantota vienkārša valoda.",
    expectedValue: "Mazāk atgrieztu pieteikumu, ātrāka atļauju izsniegšana, mazākas uzņēmēju izmaksas par konsultantiem.",
    firstTest: "Jauno veidlapu dot aizpildīt pieciem uzņēmumiem un salīdzināt papildināšanas pieprasījumu skaitu.",
    partners: "VARAM, Latvijas Pašvaldību savienība, uzņēmēju organizācijas.",
    principles: ["test", "share"],
    institution: "VVD",
    author: "ilze.kalnina@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "scale", "implemented"],
    daysAgo: 320,
    assignee: "ilze.facilitatore@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka ar vienkāršoto veidlapu uzņēmumi iesniegs pilnīgus pieteikumus biežāk nekā ar veco.",
        method: "Lai to pārbaudītu, mēs trīs mēnešus piedāvājām jauno veidlapu visiem pieteicējiem Kurzemes reģionā.",
        methodType: "PILOT",
        metric: "Mēs mērīsim to pieteikumu īpatsvaru, kuriem bija jāpieprasa papildu informācija.",
        successCriterion: "Mums ir taisnība, ja papildināšana vajadzīga mazāk nekā pusei pieteikumu.",
        startsDaysAgo: 220,
        durationDays: 90,
        status: "COMPLETED",
        participants: 38,
        observed:
          "Mēs novērojām, ka papildināšana bija vajadzīga 29 % pieteikumu (iepriekš – 87 %). Vidējais atļaujas izsniegšanas laiks samazinājās no 74 līdz 41 dienai.",
        learned:
          "No tā mēs uzzinājām, ka lielākā daļa kļūdu radās nevis no uzņēmēju nezināšanas, bet no veidlapas struktūras. Piemēri bija visvērtīgākā izmaiņa.",
        result: "VALIDATED",
        evidenceStrength: "STRONG",
        decision: "SCALE",
      },
    ],
    closingNote:
      "Jaunā veidlapa ieviesta visās reģionālajās vides pārvaldēs un publicēta e-pakalpojumā. Papildināšanas pieprasījumu īpatsvars samazinājies no 87 % līdz aptuveni 30 %, atļaujas tiek izsniegtas vidēji mēnesi ātrāk. Tagad strādājam pie A kategorijas veidlapas, izmantojot to pašu pieeju.",
  },
  {
    title: "Kopīga vides pārbaužu plānošana ar pašvaldībām",
    summary: "Saskaņot VVD un pašvaldību pārbaužu grafikus, lai viens uzņēmums viena mēneša laikā nesaņemtu vairākas līdzīgas pārbaudes.",
    usersAffected: "Uzņēmumi, kurus pārbauda gan VVD, gan pašvaldības policija vai būvvalde, piemēram, atkritumu apsaimniekotāji un lauksaimniecības uzņēmumi.",
    problem:
      "Uzņēmēji sūdzas, ka vienā mēnesī pie viņiem ierodas vairākas iestādes un prasa tos pašus dokumentus. Tas rada slogu un sajūtu, ka valsts nesadarbojas pati ar sevi.",
    evidence: "Uzņēmēju organizāciju vēstulēs šī problēma minēta vairākkārt. Konkrētu datu par pārbaužu pārklāšanos mums vēl nav.",
    usersTalkedTo: null,
    solution: "Izveidot kopīgu pārbaužu kalendāru vai vismaz regulāru informācijas apmaiņu ar lielākajām pašvaldībām.",
    expectedValue: "Mazāks administratīvais slogs uzņēmumiem un efektīvāks inspektoru darbs.",
    firstTest: "",
    partners: "Pašvaldības, Ekonomikas ministrija, Pārresoru koordinācijas centrs.",
    principles: ["partner", "embrace"],
    institution: "VVD",
    author: "ilze.kalnina@example.lv",
    status: "NEEDS_INFO",
    path: ["submitted"],
    daysAgo: 25,
    question:
      "Ideja ir interesanta, bet pašlaik trūkst pierādījumu par problēmas apjomu. Vai varat sarunāties ar 3–5 uzņēmumiem, kuri saskārušies ar vairākām pārbaudēm, vai salīdzināt VVD pārbaužu sarakstu ar vienas pašvaldības datiem? Tas palīdzētu saprast, vai problēma ir plaši izplatīta.",
  },

  // ───────────────────────── TA – Tiesu administrācija (maris.liepa@example.lv) ─────────────────────────
  {
    title: "Tiesas pavēstes un vēstules vienkāršā valodā",
    summary: "Pārveidot tiesas pavēstu un paziņojumu veidnes tā, lai cilvēks bez juridiskās izglītības saprastu, kas, kur un kad viņam jādara.",
    usersAffected:
      "Fiziskas personas, kas piedalās tiesvedībā kā puses, liecinieki vai cietušie, īpaši tie, kas tiesā nonāk pirmo reizi. Daudzi no viņiem ir satraukti un lasa pavēsti vairākas reizes.",
    problem:
      "Pavēstes ir rakstītas juridiskā valodā, un svarīgākā informācija – datums, laiks, zāle, kas līdzi jāņem – ir pazudusi tekstā. Cilvēki zvana uz tiesu kanceleju, lai pārjautātu, vai pat neierodas, jo nav sapratuši, ka tas ir obligāti.",
    evidence:
      "Tiesu kanceleju darbinieki lēš, ka līdz trešdaļai zvanu ir jautājumi par saņemto pavēsti. Neierašanās dēļ atlikto sēžu statistika ir ievērojama. Runājām ar 9 cilvēkiem pie tiesas nama, kuri bija saņēmuši pavēsti.",
    usersTalkedTo: 9,
    solution:
      "Izveidot jaunu pavēstes struktūru: augšā liels bloks ar datumu, laiku un adresi, tad „Kas jums jādara”, un tikai pēc tam juridiskās atsauces. Pievienot QR kodu ar tiesas nama karti.",
    expectedValue: "Mazāk atlikto sēžu, mazāk zvanu kancelejām, mazāk satraukuma cilvēkiem.",
    firstTest: "Parādīt 10 cilvēkiem veco un jauno pavēsti un pārbaudīt, cik ātri viņi atrod sēdes laiku un vietu.",
    partners: "Tieslietu ministrija, tiesu priekšsēdētāji, Latvijas Zvērinātu advokātu padome, Valsts valodas centrs.",
    principles: ["share", "test"],
    institution: "TA",
    author: "maris.liepa@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "discover", "define"],
    daysAgo: 95,
    assignee: "facilitator@example.lv",
    comments: [
      {
        author: "facilitator@example.lv",
        body: "Atgriezāmies izpētes posmā, jo intervijās atklājās, ka liecinieki un cietušie pavēstes uztver ļoti atšķirīgi – tās ir divas dažādas lietotāju grupas.",
        daysAgo: 60,
      },
      {
        author: "maris.liepa@example.lv",
        body: "Papildu intervijas pabeigtas. Problēmas definīcijā tagad atsevišķi izdalām lieciniekus, kuriem bieži nav skaidrs, ka ierašanās ir obligāta.",
        daysAgo: 30,
      },
    ],
  },
  {
    title: "Orientēšanās tiesu namos cilvēkiem, kas tur ierodas pirmo reizi",
    summary: "Vienkāršas norādes, krāsu kodi un karte pie ieejas, lai apmeklētāji bez jautāšanas atrastu vajadzīgo tiesas zāli vai kanceleju.",
    usersAffected:
      "Tiesu nama apmeklētāji – puses, liecinieki, cietušie, tulki. Īpaši cilvēki ar redzes traucējumiem, gados vecāki cilvēki un tie, kuri nerunā latviski.",
    problem:
      "Lielajos tiesu namos zāļu numerācija ir nesaprotama, norādes ir nepietiekamas, un apmeklētāji kavē sēdes vai apmaldās. Apsardzes darbinieki lielu daļu laika pavada, skaidrojot ceļu.",
    evidence:
      "Novērojām apmeklētājus divos tiesu namos divu dienu garumā: 4 no 10 apmeklētājiem jautāja ceļu apsardzei vai citiem apmeklētājiem. Tiesnešu palīgi stāsta, ka sēdes bieži sākas ar nokavēšanos, jo puses meklē zāli.",
    usersTalkedTo: 16,
    solution:
      "Ieviest vienotu krāsu un numerācijas sistēmu stāviem, karti pie ieejas un uz pavēstes, kā arī taktilas norādes cilvēkiem ar redzes traucējumiem.",
    expectedValue: "Mazāk nokavētu sēžu, mazāk stresa apmeklētājiem, mazāk apsardzes laika skaidrojumiem.",
    firstTest: "Vienā tiesu namā uz mēnesi izvietot papīra norādes un karti un novērot apmeklētājus.",
    partners: "Tiesu namu aģentūra, Latvijas Neredzīgo biedrība, tiesu priekšsēdētāji.",
    principles: ["test", "partner"],
    institution: "TA",
    author: "maris.liepa@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test"],
    daysAgo: 150,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka ar krāsu kodētām norādēm un karti pie ieejas vairums apmeklētāju atradīs vajadzīgo zāli bez jautāšanas.",
        method:
          "Lai to pārbaudītu, mēs Rīgas rajona tiesas namā izvietojām pagaidu papīra norādes un divas dienas novērojām apmeklētājus pirms un pēc izmaiņām.",
        methodType: "PROTOTYPE_TEST",
        metric: "Mēs mērīsim to apmeklētāju īpatsvaru, kuri jautāja ceļu apsardzei vai citiem.",
        successCriterion: "Mums ir taisnība, ja jautātāju īpatsvars samazinās no 40 % līdz mazāk nekā 15 %.",
        startsDaysAgo: 40,
        durationDays: 14,
        status: "COMPLETED",
        participants: 312,
        observed:
          "Mēs novērojām, ka ceļu jautāja 12 % apmeklētāju (iepriekš – 41 %). Tomēr cilvēki ar redzes traucējumiem un tie, kas ieradās ar pavadoni, joprojām izmantoja apsardzes palīdzību.",
        learned:
          "No tā mēs uzzinājām, ka vizuālās norādes darbojas vairumam, bet cilvēkiem ar redzes traucējumiem vajadzīgs atsevišķs risinājums – taktilas vai skaņas norādes.",
        result: "VALIDATED",
        evidenceStrength: "MEDIUM",
        decision: "PERSEVERE",
      },
      {
        hypothesis: "Mēs uzskatām, ka taktila karte pie ieejas un Braila raksta zāļu numuri ļaus cilvēkiem ar redzes traucējumiem patstāvīgi atrast zāli.",
        method: "Lai to pārbaudītu, mēs kopā ar Latvijas Neredzīgo biedrību izmēģinām taktilu karti ar 8 brīvprātīgajiem.",
        methodType: "PROTOTYPE_TEST",
        metric: "Mēs mērīsim, cik dalībnieku patstāvīgi atrod norādīto zāli un cik ilgā laikā.",
        successCriterion: "Mums ir taisnība, ja vismaz 6 no 8 dalībniekiem zāli atrod patstāvīgi 10 minūšu laikā.",
        startsDaysAgo: 10,
        durationDays: 21,
        status: "RUNNING",
        participants: 8,
      },
    ],
  },
  {
    title: "Tehniskā pārbaude pirms attālinātās dalības tiesas sēdē",
    summary: "Dažas dienas pirms videokonferences sēdes tiesas darbinieks kopā ar dalībnieku pārbauda savienojumu, kameru un skaņu.",
    usersAffected:
      "Puses, liecinieki un eksperti, kas tiesas sēdē piedalās attālināti – no mājām, ieslodzījuma vietas vai ārvalstīm. Daudzi no viņiem videokonferences rīkus izmanto reti.",
    problem:
      "Sēdes sākumā bieži notiek tehniskas problēmas – nav skaņas, dalībnieks nevar pieslēgties vai izmanto nepareizu saiti. Sēdes tiek atliktas, un visiem dalībniekiem ir jāierodas atkārtoti.",
    evidence:
      "Tiesas sēžu sekretāru uzskaitē vairāk nekā 10 % attālināto sēžu sākās ar vismaz 15 minūšu kavēšanos tehnisku problēmu dēļ, un daļa tika atliktas. Sekretāri to min kā lielāko stresa avotu.",
    usersTalkedTo: 12,
    solution: "Ieviest 10 minūšu tehnisko pārbaudi 2–3 dienas pirms sēdes ar standartizētu kontroles sarakstu un īsu video instrukciju dalībniekam.",
    expectedValue: "Mazāk atlikto sēžu, ietaupīts tiesnešu un dalībnieku laiks, mazāks stress sekretāriem.",
    firstTest: "Divās tiesās mēnesi veikt pārbaudes visām attālinātajām sēdēm un salīdzināt kavējumus.",
    partners: "Tiesu priekšsēdētāji, tiesas sēžu sekretāri, Ieslodzījuma vietu pārvalde.",
    principles: ["test", "equip"],
    institution: "TA",
    author: "maris.liepa@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "scale"],
    daysAgo: 260,
    assignee: "ilze.facilitatore@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka iepriekšēja tehniskā pārbaude samazinās attālināto sēžu kavējumus tehnisku problēmu dēļ vismaz uz pusi.",
        method:
          "Lai to pārbaudītu, mēs divās tiesās sešas nedēļas veicām tehnisko pārbaudi pirms katras attālinātās sēdes un salīdzinājām ar divām līdzīgām tiesām bez pārbaudes.",
        methodType: "PILOT",
        metric: "Mēs mērīsim to sēžu īpatsvaru, kas sākās ar vairāk nekā 15 minūšu kavējumu vai tika atliktas tehnisku iemeslu dēļ.",
        successCriterion: "Mums ir taisnība, ja pilota tiesās šis īpatsvars ir vismaz par 50 % mazāks nekā salīdzinājuma tiesās.",
        startsDaysAgo: 160,
        durationDays: 42,
        status: "COMPLETED",
        participants: 214,
        observed:
          "Mēs novērojām, ka pilota tiesās problēmas bija 3 % sēžu, salīdzinājuma tiesās – 11 %. Pārbaude vidēji aizņēma 8 minūtes, un vairums problēmu tika atrisinātas jau pārbaudes laikā.",
        learned:
          "No tā mēs uzzinājām, ka lielākā daļa problēmu ir vienkāršas (nepareizs pārlūks, aizliegta mikrofona piekļuve) un tās var novērst iepriekš. Video instrukcija samazināja pārbaudes ilgumu.",
        result: "VALIDATED",
        evidenceStrength: "STRONG",
        decision: "SCALE",
      },
    ],
    comments: [
      {
        author: "ilze.facilitatore@example.lv",
        body: "Mērogošanai vajadzīgs sekretāru apmācību modulis – vienojāmies ar Tiesu administrācijas mācību centru par divām tiešsaistes nodarbībām.",
        daysAgo: 50,
      },
    ],
  },
  {
    title: "Lietas statusa paziņojumi e-lietas portālā saprotamā valodā",
    summary: "Aizstāt tehniskos lietas statusus e-lietas portālā ar cilvēkiem saprotamiem paskaidrojumiem par to, kas notiek un kas būs tālāk.",
    usersAffected: "Privātpersonas un mazie uzņēmumi, kas e-lietas portālā seko līdzi savai tiesvedībai bez advokāta.",
    problem:
      "Portālā redzami statusi kā „Lieta nodota tiesnesim izlemšanai rakstveida procesā” vai „Nolēmums stājies spēkā”, bet cilvēkiem nav skaidrs, ko tas viņiem nozīmē un vai viņiem kaut kas jādara.",
    evidence:
      "E-lietas atbalsta dienesta pieteikumos bieži ir jautājumi „ko nozīmē šis statuss?”. Divi kolēģi klientu apkalpošanā apstiprina, ka tas ir viens no biežākajiem jautājumiem.",
    usersTalkedTo: 2,
    solution: "Katram statusam pievienot vienu vai divus teikumus: ko tas nozīmē, vai jums kaut kas jādara un cik ilgi parasti jāgaida līdz nākamajam solim.",
    expectedValue: "Mazāk jautājumu atbalsta dienestam un mazāk neziņas lietas dalībniekiem.",
    firstTest: "Sagatavot skaidrojumus desmit biežākajiem statusiem un pārbaudīt tos ar pieciem portāla lietotājiem.",
    partners: "E-lietas programmas komanda, Tieslietu ministrija.",
    principles: ["share"],
    institution: "TA",
    author: "maris.liepa@example.lv",
    status: "ACTIVE",
    path: ["submitted"],
    daysAgo: 8,
  },

  // ───────────────────────── ZVA – Zāļu valsts aģentūra (liga.zarina@example.lv) ─────────────────────────
  {
    title: "Zāļu lietošanas instrukcijas kopsavilkums vienā lapā",
    summary:
      "Līdzās pilnajai lietošanas instrukcijai piedāvāt vienas lapas kopsavilkumu ar svarīgāko: kā lietot, ko nedrīkst kombinēt un kad vērsties pie ārsta.",
    usersAffected:
      "Pacienti, kuri lieto vairākas zāles vienlaikus, īpaši seniori, kā arī viņu tuvinieki un aprūpētāji. Daudziem ir grūti izlasīt sīko instrukcijas drukas tekstu.",
    problem:
      "Lietošanas instrukcijas ir garas un sarežģītas, un svarīgākā informācija par devām un mijiedarbību pazūd starp retām blakusparādībām. Pacienti instrukciju nelasa vispār vai izlasa tikai daļu.",
    evidence:
      "Aptaujā aptiekās 58 % pacientu atzina, ka instrukciju pilnībā neizlasa. Farmaceiti stāsta, ka seniori bieži atnes instrukciju un lūdz paskaidrot, kā zāles lietot. Eiropas Zāļu aģentūra arī pēta iespējas instrukcijas vienkāršot.",
    usersTalkedTo: 19,
    solution:
      "Izstrādāt vienas lapas kopsavilkuma paraugu lielā drukā un ar piktogrammām, sākumā piecām bieži lietotām zālēm, un publicēt to zāļu reģistrā blakus instrukcijai.",
    expectedValue: "Drošāka zāļu lietošana, mazāk kļūdu devās un mijiedarbībā, mazāk jautājumu farmaceitiem.",
    firstTest: "Izmēģināt kopsavilkumu ar senioriem divās aptiekās un pārbaudīt, vai viņi pareizi atbild uz jautājumiem par lietošanu.",
    partners: "Latvijas Farmaceitu biedrība, Veselības ministrija, pacientu organizācijas, zāļu ražotāji.",
    principles: ["test", "partner"],
    institution: "ZVA",
    author: "liga.zarina@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop"],
    daysAgo: 130,
    assignee: "ilze.facilitatore@example.lv",
    experiments: [
      {
        hypothesis:
          "Mēs uzskatām, ka seniori ar vienas lapas kopsavilkumu pareizi atbildēs uz jautājumiem par zāļu lietošanu biežāk nekā ar pilno instrukciju.",
        method: "Lai to pārbaudītu, mēs intervējām 12 seniorus: puse saņēma pilno instrukciju, puse – kopsavilkumu, un visiem uzdevām piecus jautājumus.",
        methodType: "INTERVIEWS",
        metric: "Mēs mērīsim pareizo atbilžu skaitu un laiku, kas vajadzīgs atbildes atrašanai.",
        successCriterion: "Mums ir taisnība, ja kopsavilkuma grupa atbild pareizi uz vismaz 4 no 5 jautājumiem.",
        startsDaysAgo: 35,
        durationDays: 10,
        status: "COMPLETED",
        participants: 12,
        observed:
          "Mēs novērojām, ka kopsavilkuma grupa vidēji pareizi atbildēja uz 4,5 jautājumiem, bet pilnās instrukcijas grupa – uz 2,8. Piktogrammas par lietošanu ēdienreizē divi dalībnieki saprata nepareizi.",
        learned: "No tā mēs uzzinājām, ka kopsavilkums palīdz, bet piktogrammas jāpapildina ar vārdiem. Izlase ir maza, tāpēc rezultāts jāpārbauda plašāk.",
        result: "VALIDATED",
        evidenceStrength: "WEAK",
        decision: "PERSEVERE",
      },
    ],
  },
  {
    title: "Tērzēšanas robots zāļu blakusparādību ziņošanai",
    summary: "Tērzēšanas robots ZVA tīmekļvietnē, kas ar jautājumiem palīdz pacientam aizpildīt ziņojumu par zāļu blakusparādību.",
    usersAffected: "Pacienti un viņu tuvinieki, kuri novērojuši iespējamu zāļu blakusparādību un vēlas par to ziņot.",
    problem: "Pacienti ziņo par blakusparādībām ļoti reti, un pašreizējā ziņošanas veidlapa ir gara un medicīniska. Daudzi to pamet pusceļā.",
    evidence:
      "Tīmekļvietnes analītika rāda, ka aptuveni 70 % pacientu, kas atver ziņošanas veidlapu, to neiesniedz. Pacientu ziņojumu īpatsvars salīdzinājumā ar ārstu ziņojumiem ir neliels.",
    usersTalkedTo: 8,
    solution: "Izveidot tērzēšanas robotu, kas pa vienam uzdod jautājumus ikdienas valodā un beigās izveido ziņojumu.",
    expectedValue: "Vairāk pacientu ziņojumu un labāka zāļu drošuma uzraudzība.",
    firstTest: "Izmēģināt robota prototipu ar pacientiem un salīdzināt pabeigto ziņojumu īpatsvaru ar veidlapu.",
    partners: "Veselības ministrija, pacientu organizācijas, Nacionālais veselības dienests.",
    principles: ["test", "embrace"],
    institution: "ZVA",
    author: "liga.zarina@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "stopped"],
    daysAgo: 290,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka pacienti ar tērzēšanas robotu pabeigs blakusparādības ziņojumu biežāk nekā ar esošo veidlapu.",
        method: "Lai to pārbaudītu, mēs divus mēnešus pusei tīmekļvietnes apmeklētāju piedāvājām robota prototipu, bet otrai pusei – esošo veidlapu.",
        methodType: "AB_TEST",
        metric: "Mēs mērīsim pabeigto ziņojumu īpatsvaru un ziņojumu kvalitāti pēc farmakovigilances speciālistu vērtējuma.",
        successCriterion: "Mums ir taisnība, ja ar robotu pabeigto ziņojumu īpatsvars ir vismaz par 20 procentpunktiem augstāks un kvalitāte nav zemāka.",
        startsDaysAgo: 170,
        durationDays: 60,
        status: "COMPLETED",
        participants: 431,
        observed:
          "Mēs novērojām, ka ar robotu ziņojumu pabeidza 34 %, ar veidlapu – 29 %. Robota ziņojumos biežāk trūka informācijas par zāļu sēriju un devām, un speciālistiem bija jāsazinās ar ziņotāju. Intervijās pacienti teica, ka galvenais šķērslis ir nevis forma, bet nezināšana, ka par blakusparādībām vispār var ziņot.",
        learned:
          "No tā mēs uzzinājām, ka veidlapas formāts nav galvenā problēma. Lielāku ietekmi, visticamāk, dos farmaceitu un ārstu aicinājums ziņot un informācija pie zāļu iegādes.",
        result: "INVALIDATED",
        evidenceStrength: "MEDIUM",
        decision: "STOP",
      },
    ],
    closingNote:
      "Ideja apturēta: tērzēšanas robots nedeva būtisku uzlabojumu, bet pasliktināja ziņojumu kvalitāti. Svarīgākā mācība – pacienti nezina, ka var ziņot. Turpmāk koncentrēsimies uz informēšanu aptiekās; esošajā veidlapā ieviesīsim trīs vienkāršojumus, ko ierosināja testa dalībnieki.",
    comments: [
      {
        author: "facilitator@example.lv",
        body: "Godīgs un labi dokumentēts rezultāts. Iesaku mācības iekļaut ceturkšņa pārskatā – tas ir labs piemērs, kāpēc vērts testēt pirms lielas investīcijas.",
        daysAgo: 75,
      },
    ],
  },
  {
    title: "Informācija pacientiem par zāļu piegādes pārtraukumiem",
    summary: "Izpētīt, kā pacienti un farmaceiti uzzina par zāļu piegādes pārtraukumiem un kāda informācija viņiem vajadzīga, lai atrastu aizstājēju.",
    usersAffected:
      "Pacienti, kuri regulāri lieto noteiktas zāles, piemēram, hronisku slimību pacienti, kā arī farmaceiti un ģimenes ārsti, kuriem jāpiemeklē aizstājējs.",
    problem:
      "Kad kādas zāles nav pieejamas, pacienti staigā no aptiekas uz aptieku un nezina, kad tās atkal būs. Ārsti un farmaceiti ne vienmēr zina par pieejamiem aizstājējiem.",
    evidence:
      "ZVA tīmekļvietnē publicētais zāļu piegādes pārtraukumu saraksts tiek apmeklēts bieži, bet atsauksmēs cilvēki raksta, ka tas ir nesaprotams. Pēdējā gada laikā saņemti vairāk nekā 300 zvanu par konkrētu zāļu pieejamību.",
    usersTalkedTo: 6,
    solution: "Veikt intervijas ar pacientiem, farmaceitiem un ārstiem un noskaidrot, kāda informācija un kādā kanālā viņiem visvairāk palīdzētu.",
    expectedValue: "Mazāk bezjēdzīgu aptieku apmeklējumu un ātrāk atrasts aizstājējs.",
    firstTest: "Pārveidot vienu saraksta ierakstu saprotamākā formā un pajautāt pacientiem, vai tas palīdz.",
    partners: "Latvijas Farmaceitu biedrība, Latvijas Ģimenes ārstu asociācija, zāļu lieltirgotāji.",
    principles: ["partner"],
    institution: "ZVA",
    author: "liga.zarina@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover"],
    daysAgo: 50,
    assignee: "facilitator@example.lv",
  },
  {
    title: "Zāļu cenu salīdzināšanas portāls iedzīvotājiem",
    summary: "Izveidot portālu, kurā iedzīvotāji var salīdzināt vienu un to pašu zāļu cenas dažādās aptiekās.",
    usersAffected: "Iedzīvotāji, kuri pērk bezrecepšu un recepšu zāles un vēlas ietaupīt.",
    problem: "Zāļu cenas aptiekās atšķiras, un cilvēki nezina, kur zāles ir lētākas.",
    evidence: "Draugi un radi bieži sūdzas par zāļu cenām. Plašsaziņas līdzekļos regulāri parādās raksti par zāļu dārdzību.",
    usersTalkedTo: null,
    solution: "ZVA izveido un uztur portālu ar visu aptieku zāļu cenām, kuras aptiekas iesniedz reizi nedēļā.",
    expectedValue: "Iedzīvotāji ietaupītu naudu.",
    firstTest: "",
    partners: "Aptiekas, Veselības ministrija.",
    principles: ["embrace"],
    institution: "ZVA",
    author: "liga.zarina@example.lv",
    status: "DECLINED",
    path: ["submitted"],
    daysAgo: 150,
    declineReason:
      "Zāļu cenu regulēšana un kompensējamo zāļu saraksts nav ZVA kompetencē, un Nacionālais veselības dienests jau publicē kompensējamo zāļu cenas. Turklāt idejai trūkst pierādījumu par to, kā cilvēki izvēlas aptieku. Iesakām sazināties ar NVD un, ja interese saglabājas, iesniegt ideju par cenu informācijas saprotamību kopā ar viņiem.",
  },

  // ───────────────────────── SIVA – Sociālās integrācijas valsts aģentūra (edgars.krumins@example.lv) ─────────────────────────
  {
    title: "Profesionālās rehabilitācijas pieteikums vieglajā valodā",
    summary: "Pieteikuma veidlapa un informācija par profesionālo rehabilitāciju vieglajā valodā cilvēkiem ar intelektuāliem un psihiskiem traucējumiem.",
    usersAffected:
      "Cilvēki ar invaliditāti, īpaši ar intelektuālās attīstības vai psihiskiem traucējumiem, kuri vēlas iegūt profesiju, kā arī viņu atbalsta personas un sociālie darbinieki.",
    problem:
      "Pašreizējā informācija un veidlapa ir sarežģīta, un daudzi potenciālie klienti nesaprot, vai viņiem pienākas pakalpojums un kā pieteikties. Bieži viņu vietā piesakās tuvinieki, kas mazina cilvēka paša motivāciju.",
    evidence:
      "Sociālie darbinieki vairākās pašvaldībās stāsta, ka klientiem ar intelektuāliem traucējumiem pieteikšanās prasa vairākas tikšanās. Mūsu uzņemšanas speciālisti lēš, ka katrs otrais šīs grupas pieteikums ir nepilnīgs.",
    usersTalkedTo: 11,
    solution:
      "Kopā ar vieglās valodas ekspertiem un pašiem klientiem izveidot vieglās valodas informāciju un veidlapu ar attēliem, ko testē cilvēki ar intelektuāliem traucējumiem.",
    expectedValue: "Vairāk cilvēku ar invaliditāti patstāvīgi piesakās rehabilitācijai, mazāk nepilnīgu pieteikumu.",
    firstTest: "Papīra veidlapas prototipu izmēģināt ar klientiem dienas centrā.",
    partners: "Latvijas Kustība par neatkarīgu dzīvi, biedrība „Rūpju bērns”, pašvaldību sociālie dienesti, vieglās valodas eksperti.",
    principles: ["test", "partner"],
    institution: "SIVA",
    author: "edgars.krumins@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test"],
    daysAgo: 170,
    assignee: "ilze.facilitatore@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka cilvēki ar intelektuāliem traucējumiem spēs patstāvīgi aizpildīt vieglās valodas veidlapu uz papīra.",
        method: "Lai to pārbaudītu, mēs divos dienas centros lūdzām 10 klientiem aizpildīt papīra prototipu, atbalsta personai tikai vērojot.",
        methodType: "PROTOTYPE_TEST",
        metric: "Mēs mērīsim, cik dalībnieku aizpildīja veidlapu bez palīdzības un pareizi.",
        successCriterion: "Mums ir taisnība, ja vismaz 7 no 10 dalībniekiem veidlapu aizpilda patstāvīgi.",
        startsDaysAgo: 80,
        durationDays: 14,
        status: "COMPLETED",
        participants: 10,
        observed:
          "Mēs novērojām, ka tikai 3 no 10 dalībniekiem veidlapu aizpildīja patstāvīgi. Teksts bija saprotams, bet rakstīšana ar roku un lauku aizpildīšana bija grūta. Vairāki dalībnieki gribēja savu stāstu pastāstīt, nevis rakstīt.",
        learned:
          "No tā mēs uzzinājām, ka problēma nav tikai valoda, bet arī pats veidlapas formāts. Sarunā balstīta pieteikšanās ar vieglās valodas informāciju varētu būt piemērotāka.",
        result: "INVALIDATED",
        evidenceStrength: "MEDIUM",
        decision: "PIVOT",
      },
      {
        hypothesis:
          "Mēs uzskatām, ka īsa telefona vai video saruna ar uzņemšanas speciālistu, balstīta vieglās valodas jautājumos, ļaus klientam pieteikties pašam.",
        method:
          "Lai to pārbaudītu, mēs piedāvājam „pieteikšanās sarunu” visiem klientiem, kas sazinās caur dienas centriem, un speciālists aizpilda veidlapu sarunas laikā.",
        methodType: "PILOT",
        metric: "Mēs mērīsim pilnīgu pieteikumu īpatsvaru un klienta paša līdzdalību sarunā (pēc speciālista vērtējuma).",
        successCriterion: "Mums ir taisnība, ja vismaz 80 % pieteikumu ir pilnīgi un vairumā sarunu runā pats klients.",
        startsDaysAgo: 25,
        durationDays: 45,
        status: "RUNNING",
        participants: 18,
      },
    ],
    comments: [
      {
        author: "edgars.krumins@example.lv",
        body: "Pirmais prototips neattaisnojās, bet dalībnieku atsauksmes bija ļoti vērtīgas. Pārejam uz sarunā balstītu pieteikšanos.",
        daysAgo: 60,
      },
      {
        author: "ilze.facilitatore@example.lv",
        body: "Lielisks pivots. Vai sarunas scenāriju vērts pārbaudīt arī ar vājdzirdīgiem klientiem, piemēram, caur video ar zīmju valodas tulku?",
        daysAgo: 20,
      },
    ],
  },
  {
    title: "Informācija par rehabilitācijas centru audio formātā un lielā drukā",
    summary: "Informācija par uzņemšanu rehabilitācijas centrā pieejama arī audio ierakstā, lielā drukā un ekrānlasītājiem piemērotā formātā.",
    usersAffected:
      "Klienti ar redzes traucējumiem, seniori un cilvēki ar lasīšanas grūtībām, kuri gatavojas sociālās rehabilitācijas kursam aģentūras centrā Jūrmalā.",
    problem:
      "Uzņemšanas informācija – kas jāņem līdzi, kā nokļūt, kāda ir dienas kārtība – bija pieejama tikai kā skenēts PDF dokuments, ko ekrānlasītājs nenolasa. Cilvēki zvanīja un lūdza izlasīt priekšā, vai ieradās nesagatavojušies.",
    evidence:
      "Uzņemšanas nodaļa katru nedēļu saņēma vairākus zvanus ar lūgumu izlasīt informāciju. Pārbaudot tīmekļvietni ar ekrānlasītāju kopā ar Latvijas Neredzīgo biedrību, konstatējām, ka 6 no 8 dokumentiem nav lasāmi.",
    usersTalkedTo: 9,
    solution:
      "Pārveidot uzņemšanas informāciju piekļūstamā HTML formātā, ierakstīt 5 minūšu audio versiju un pēc pieprasījuma sūtīt lielās drukas izdruku pa pastu.",
    expectedValue: "Klienti ierodas sagatavoti, mazāk zvanu uzņemšanas nodaļai, aģentūra atbilst piekļūstamības prasībām.",
    firstTest: "Audio versiju nosūtīt nākamā mēneša klientiem ar redzes traucējumiem un pēc kursa sākuma pajautāt, vai tā palīdzēja.",
    partners: "Latvijas Neredzīgo biedrība, Latvijas Nedzirdīgo savienība, Latvijas Neredzīgo bibliotēka.",
    principles: ["share", "partner"],
    institution: "SIVA",
    author: "edgars.krumins@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "implemented"],
    daysAgo: 305,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis:
          "Mēs uzskatām, ka klienti ar redzes traucējumiem, saņemot audio versiju, ieradīsies sagatavoti un vairs nezvanīs ar lūgumu izlasīt informāciju.",
        method:
          "Lai to pārbaudītu, mēs divus mēnešus visiem klientiem ar redzes traucējumiem sūtījām saiti uz audio versiju un piekļūstamo lapu un uzskaitījām zvanus.",
        methodType: "PILOT",
        metric: "Mēs mērīsim zvanu skaitu ar lūgumu izlasīt informāciju un klientu vērtējumu pirmajā kursa dienā.",
        successCriterion: "Mums ir taisnība, ja šādu zvanu skaits samazinās vismaz par 70 % un vairums klientu saka, ka jutās sagatavoti.",
        startsDaysAgo: 190,
        durationDays: 60,
        status: "COMPLETED",
        participants: 47,
        observed:
          "Mēs novērojām, ka zvanu ar lūgumu izlasīt informāciju gandrīz vairs nebija (2 zvani divos mēnešos, iepriekš – vidēji 9 mēnesī). 41 no 47 klientiem teica, ka jutās labi sagatavoti. Audio versiju izmantoja arī tuvinieki.",
        learned:
          "No tā mēs uzzinājām, ka piekļūstama informācija ir noderīga ne tikai cilvēkiem ar redzes traucējumiem, bet arī senioriem un tuviniekiem. Audio versija jāatjauno ik reizi, kad mainās kārtība.",
        result: "VALIDATED",
        evidenceStrength: "STRONG",
        decision: "SCALE",
      },
    ],
    closingNote:
      "Visa uzņemšanas informācija tagad pieejama piekļūstamā HTML formātā, audio versijā un lielā drukā. Zvani ar lūgumu izlasīt informāciju praktiski izzuduši. Sagatavojām īsu ceļvedi citām iestādēm par to, kā pārveidot dokumentus piekļūstamā formātā, un tas publicēts laboratorijas zināšanu bāzē.",
  },
  {
    title: "Caurskatāma rinda uz profesionālās rehabilitācijas programmām",
    summary: "Klients var tiešsaistē redzēt savu vietu rindā un aptuveno laiku līdz programmas sākumam.",
    usersAffected:
      "Cilvēki ar invaliditāti, kuri gaida profesionālās rehabilitācijas programmas sākumu, un viņu tuvinieki. Gaidīšana var ilgt vairākus mēnešus.",
    problem:
      "Klienti nezina, cik ilgi vēl būs jāgaida, un nevar plānot darbu, ģimenes dzīvi vai citus pakalpojumus. Viņi regulāri zvana, lai uzzinātu savu vietu rindā.",
    evidence:
      "Uzņemšanas nodaļa saņem vidēji 15 zvanus nedēļā ar jautājumu par vietu rindā. Trīs klienti intervijās teica, ka nenoteiktība ir grūtāka par pašu gaidīšanu.",
    usersTalkedTo: 3,
    solution:
      "Pēc pieteikuma apstiprināšanas nosūtīt klientam personīgu saiti, kurā redzama vieta rindā un aptuvenais sākuma mēnesis, kas tiek atjaunināts automātiski.",
    expectedValue: "Mazāka nenoteiktība klientiem un mazāk zvanu uzņemšanas nodaļai.",
    firstTest: "Reizi mēnesī nosūtīt klientiem e-pastu ar vietu rindā un vērot zvanu skaitu.",
    partners: "SIVA IT speciālisti, Labklājības ministrija.",
    principles: ["embrace", "test"],
    institution: "SIVA",
    author: "edgars.krumins@example.lv",
    status: "ACTIVE",
    path: ["submitted"],
    daysAgo: 4,
  },
  {
    title: "Klientu apmierinātības aptauja pēc katras konsultācijas",
    summary: "Pēc katras konsultācijas klientam nosūtīt īsu aptauju, lai regulāri vērtētu pakalpojuma kvalitāti.",
    usersAffected: "Visi aģentūras klienti, kas saņem konsultācijas par rehabilitācijas pakalpojumiem.",
    problem: "Aģentūrai nav regulāras atgriezeniskās saites par konsultāciju kvalitāti, un uzlabojumi balstās uz atsevišķām sūdzībām.",
    evidence: "Pēdējā klientu aptauja notika pirms trim gadiem. Vadības sanāksmēs vairākkārt pausta vajadzība pēc regulāriem datiem.",
    usersTalkedTo: null,
    solution: "Automātiski nosūtīt trīs jautājumu aptauju pēc katras konsultācijas un reizi ceturksnī apkopot rezultātus.",
    expectedValue: "Regulāri dati par pakalpojuma kvalitāti.",
    firstTest: "Mēnesi sūtīt aptauju pēc konsultācijām vienā nodaļā.",
    partners: "Klientu apkalpošanas nodaļa.",
    principles: ["embrace"],
    institution: "SIVA",
    author: "edgars.krumins@example.lv",
    status: "WITHDRAWN",
    path: ["submitted"],
    daysAgo: 110,
    comments: [
      {
        author: "facilitator@example.lv",
        body: "Vai esat pārliecināts, ka klientiem ar invaliditāti aptauja pēc katras konsultācijas nebūs par lielu slogu? Varbūt vērts sākt ar dažām padziļinātām sarunām.",
        daysAgo: 100,
      },
      {
        author: "edgars.krumins@example.lv",
        body: "Paldies, tas ir taisnība. Atsaucu ideju – vispirms kopā ar klientu apkalpošanas nodaļu sarīkosim fokusgrupu un tad iesniegšu precīzāku ideju.",
        daysAgo: 96,
      },
    ],
  },

  // ───────────────────────── KISC – Kultūras informācijas sistēmu centrs (kristine.abola@example.lv) ─────────────────────────
  {
    title: "Vienota lasītāja reģistrācija visās publiskajās bibliotēkās",
    summary: "Lasītājs reģistrējas vienu reizi tiešsaistē un var izmantot jebkuru Latvijas publisko bibliotēku bez atkārtotas reģistrācijas.",
    usersAffected:
      "Bibliotēku lasītāji, īpaši studenti, cilvēki, kas strādā vienā pilsētā un dzīvo citā, un vasarnieki. Arī bibliotekāri, kas šobrīd katru lasītāju reģistrē manuāli.",
    problem:
      "Katrā bibliotēkā lasītājam jāreģistrējas no jauna, jāuzrāda dokuments un jāaizpilda veidlapa. Tas attur cilvēkus izmantot tuvāko bibliotēku, ja viņi jau ir citas bibliotēkas lasītāji.",
    evidence:
      "Bibliotēku informācijas sistēmas dati rāda, ka vairāk nekā 40 000 lasītāju ir reģistrēti divās vai vairākās bibliotēkās. Aptaujā bibliotekāri norādīja, ka reģistrācija aizņem 5–10 minūtes. Intervējām 14 lasītājus un 6 bibliotekārus.",
    usersTalkedTo: 20,
    solution:
      "Izveidot vienotu lasītāja profilu ar pieteikšanos caur latvija.lv, ko atzīst visas bibliotēkas, kas izmanto kopīgo bibliotēku informācijas sistēmu.",
    expectedValue: "Vieglāka bibliotēku izmantošana, mazāk manuāla darba bibliotekāriem, precīzāka lasītāju statistika.",
    firstTest: "Vienā novadā ļaut lasītājiem ar esošu reģistrāciju izmantot visas novada bibliotēkas un vērot, cik daudzi to dara.",
    partners: "Latvijas Nacionālā bibliotēka, pašvaldību bibliotēkas, Kultūras ministrija, VARAM (latvija.lv).",
    principles: ["partner", "embrace"],
    institution: "KISC",
    author: "kristine.abola@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define"],
    daysAgo: 85,
    assignee: "ilze.facilitatore@example.lv",
  },
  {
    title: "Muzeju digitālo attēlu atkalizmantošanas noteikumu skaidrojums",
    summary:
      "Izpētīt, kā pētnieki, skolotāji un dizaineri saprot muzeju krājuma digitālo attēlu lietošanas noteikumus, un izveidot vienotu, skaidru licenču marķējumu.",
    usersAffected: "Skolotāji, pētnieki, studenti, izdevēji un dizaineri, kuri vēlas izmantot muzeju krājuma attēlus no Nacionālā muzeju krājuma kopkataloga.",
    problem:
      "Katram muzejam ir savi noteikumi, un katalogā nav skaidri norādīts, vai attēlu drīkst izmantot mācību materiālā vai grāmatā. Cilvēki vai nu neizmanto attēlus vispār, vai izmanto tos bez atļaujas.",
    evidence:
      "Muzeji saņem daudz e-pastu ar jautājumiem par attēlu izmantošanu, un atbildes aizņem nedēļas. Skolotāju aptaujā 7 no 10 atzina, ka nav droši, vai drīkst izmantot kataloga attēlus stundās.",
    usersTalkedTo: 10,
    solution: "Vienoties ar muzejiem par 3–4 standarta licenču veidiem un katram attēlam kopkatalogā pievienot skaidru marķējumu ar īsu paskaidrojumu.",
    expectedValue: "Vairāk mantojuma izmantošanas izglītībā un radošajās nozarēs, mazāk e-pastu muzejiem.",
    firstTest: "Vienas kolekcijas attēliem pievienot licenču marķējumu un vērot lejupielāžu un jautājumu skaitu.",
    partners: "Muzeji, Kultūras ministrija, Latvijas Nacionālā bibliotēka, Creative Commons Latvija.",
    principles: ["share", "partner"],
    institution: "KISC",
    author: "kristine.abola@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover"],
    daysAgo: 265,
    assignee: "facilitator@example.lv",
    comments: [
      {
        author: "facilitator@example.lv",
        body: "Gaidām muzeju juristu viedokli par licencēm. Vajadzētu atgādināt autorei un vienoties par nākamo soli.",
        internal: true,
        daysAgo: 230,
      },
    ],
  },
  {
    title: "Vienots biļešu tirdzniecības portāls visām kultūras iestādēm",
    summary: "Izveidot valsts uzturētu portālu, kurā var iegādāties biļetes uz visu valsts un pašvaldību kultūras iestāžu pasākumiem.",
    usersAffected: "Kultūras pasākumu apmeklētāji visā Latvijā.",
    problem: "Biļetes jāpērk dažādās tirdzniecības vietnēs, un nav viena vieta, kur redzēt visus pasākumus.",
    evidence: "Pašas pieredze, meklējot biļetes uz koncertiem un izrādēm dažādās vietnēs.",
    usersTalkedTo: 0,
    solution: "KISC izstrādā un uztur vienotu biļešu portālu, un visas valsts kultūras iestādes to izmanto.",
    expectedValue: "Ērtāka biļešu iegāde.",
    firstTest: "",
    partners: "Kultūras ministrija, teātri, koncertzāles.",
    principles: ["embrace"],
    institution: "KISC",
    author: "kristine.abola@example.lv",
    status: "DECLINED",
    path: ["submitted"],
    daysAgo: 140,
    declineReason:
      "Biļešu tirdzniecības tirgū jau darbojas vairāki privāti pakalpojumu sniedzēji, un valsts portāls konkurētu ar tiem bez skaidra ieguvuma iedzīvotājiem. Idejā nav pierādījumu par lietotāju problēmu. Ja mērķis ir pārskatāmība, iesakām izpētīt, vai pietiktu ar atvērtu pasākumu datu kopu, ko KISC jau daļēji uztur.",
  },

  // ───────────────────────── VTUA – Valsts tehniskās uzraudzības aģentūra (raimonds.vitols@example.lv) ─────────────────────────
  {
    title: "Traktortehnikas tehniskās apskates pieraksts tiešsaistē",
    summary: "Lauksaimnieki var tiešsaistē redzēt brīvos laikus un pierakstīties uz traktortehnikas tehnisko apskati tuvākajā apskates vietā.",
    usersAffected:
      "Lauksaimnieki, mežizstrādes un būvniecības uzņēmumi, kuriem pieder traktortehnika un tās piekabes. Daudzi dzīvo laukos un apskates vietā brauc ar traktoru vairākus desmitus kilometru.",
    problem:
      "Pieraksts notiek pa tālruni darba laikā, kas pavasarī, sezonas sākumā, ir grūti sasniedzams. Lauksaimnieki brauc uz apskati, neziņā gaida vai nonāk pie slēgtām durvīm, jo apskates vieta konkrētajā dienā nestrādā.",
    evidence:
      "Pavasara mēnešos reģionālās nodaļas saņem vairāk nekā 200 zvanu nedēļā, no kuriem daļa paliek neatbildēti. Intervējām 9 lauksaimniekus – visi teica, ka gribētu pierakstīties vakarā, kad darbi padarīti.",
    usersTalkedTo: 9,
    solution: "Ieviest tiešsaistes pierakstu ar redzamiem brīvajiem laikiem katrā apskates vietā un atgādinājumu īsziņā dienu iepriekš.",
    expectedValue: "Mazāk zvanu, mazāk veltīgu braucienu, vienmērīgāk noslogotas apskates vietas.",
    firstTest: "Divās nodaļās piedāvāt pierakstu tiešsaistē paralēli tālrunim un salīdzināt.",
    partners: "VTUA reģionālās nodaļas, Zemnieku saeima, Latvijas Lauksaimnieku organizāciju sadarbības padome.",
    principles: ["test", "embrace"],
    institution: "VTUA",
    author: "raimonds.vitols@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test"],
    daysAgo: 140,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka lauksaimnieki izmantos tiešsaistes pierakstu, ja tas būs pieejams ārpus darba laika.",
        method: "Lai to pārbaudītu, mēs aptaujājām klientus, kas ieradās uz apskati divās nodaļās.",
        methodType: "SURVEY",
        metric: "Mēs mērīsim to respondentu īpatsvaru, kuri izmantotu tiešsaistes pierakstu.",
        successCriterion: "Mums ir taisnība, ja vismaz 60 % respondentu saka, ka izmantotu tiešsaistes pierakstu.",
        startsDaysAgo: 70,
        durationDays: 14,
        status: "COMPLETED",
        participants: 84,
        observed:
          "Mēs novērojām, ka 72 % respondentu izmantotu tiešsaistes pierakstu; vecāki lauksaimnieki biežāk izvēlējās tālruni, bet daudzi teica, ka pierakstu viņu vietā izdarītu bērni.",
        learned:
          "No tā mēs uzzinājām, ka pieprasījums ir, bet tālruņa pieraksts jāsaglabā. Aptauja parāda nodomu, nevis uzvedību, tāpēc jāpārbauda reālā lietošana.",
        result: "VALIDATED",
        evidenceStrength: "WEAK",
        decision: "PERSEVERE",
      },
      {
        hypothesis: "Mēs uzskatām, ka nodaļās ar tiešsaistes pierakstu zvanu skaits samazināsies un klienti retāk ieradīsies bez pieraksta.",
        method:
          "Lai to pārbaudītu, mēs Dobeles un Madonas nodaļā ieviešam tiešsaistes pierakstu, bet Bauskas un Gulbenes nodaļā saglabājam tikai tālruni, un salīdzinām.",
        methodType: "AB_TEST",
        metric: "Mēs mērīsim zvanu skaitu nedēļā, tiešsaistē veikto pierakstu īpatsvaru un ieradušos bez pieraksta klientu skaitu.",
        successCriterion: "Mums ir taisnība, ja pilota nodaļās zvanu skaits samazinās vismaz par 40 %, salīdzinot ar kontroles nodaļām.",
        startsDaysAgo: 21,
        durationDays: 56,
        status: "RUNNING",
        participants: null,
      },
    ],
  },
  {
    title: "Atgādinājums par tehniskās apskates termiņu e-pastā un īsziņā",
    summary: "Mēnesi pirms tehniskās apskates termiņa beigām īpašnieks saņem atgādinājumu ar saiti uz pierakstu.",
    usersAffected:
      "Traktortehnikas, piekabju un bīstamo iekārtu īpašnieki, kuriem tehniskā apskate jāveic regulāri, bet ne katru gadu, tāpēc termiņš viegli aizmirstas.",
    problem:
      "Daudzi īpašnieki nokavē apskates termiņu un to uzzina tikai pārbaudē, kad jau piemērots sods vai tehnika nedrīkst piedalīties ceļu satiksmē sezonas vidū.",
    evidence:
      "Reģistra dati rāda, ka vairāk nekā 18 % traktortehnikas vienību tehniskā apskate tiek veikta pēc termiņa. Sarunās īpašnieki atzina, ka vienkārši aizmirsuši.",
    usersTalkedTo: 11,
    solution: "Automātiski nosūtīt atgādinājumu uz e-pastu vai tālruni, kas norādīts reģistrā, un piedāvāt reģistrēt kontaktus tiem, kam to nav.",
    expectedValue: "Mazāk nokavētu apskašu un sodu, drošāka tehnika uz ceļiem.",
    firstTest: "Nosūtīt atgādinājumu pusei īpašnieku, kuriem termiņš beidzas nākamajā mēnesī, un salīdzināt.",
    partners: "VTUA IT nodaļa, Zemkopības ministrija.",
    principles: ["test", "share"],
    institution: "VTUA",
    author: "raimonds.vitols@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "scale", "implemented"],
    daysAgo: 280,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka atgādinājums mēnesi pirms termiņa samazinās nokavēto apskašu īpatsvaru vismaz par trešdaļu.",
        method:
          "Lai to pārbaudītu, mēs nejauši sadalījām 1600 īpašniekus, kuriem termiņš beidzās nākamajos divos mēnešos: puse saņēma atgādinājumu, puse – ne.",
        methodType: "AB_TEST",
        metric: "Mēs mērīsim, cik īpašnieku katrā grupā veica apskati līdz termiņam.",
        successCriterion: "Mums ir taisnība, ja atgādinājuma grupā nokavējumu īpatsvars ir vismaz par trešdaļu mazāks.",
        startsDaysAgo: 190,
        durationDays: 60,
        status: "COMPLETED",
        participants: 1600,
        observed:
          "Mēs novērojām, ka atgādinājuma grupā termiņu nokavēja 8 %, kontroles grupā – 17 %. Īsziņas bija efektīvākas par e-pastu, un 30 % pierakstījās tieši no saites.",
        learned: "No tā mēs uzzinājām, ka vienkāršs atgādinājums būtiski maina uzvedību un ka ir vērts aktīvi vākt īpašnieku tālruņu numurus.",
        result: "VALIDATED",
        evidenceStrength: "STRONG",
        decision: "SCALE",
      },
    ],
    closingNote:
      "Atgādinājumi ieviesti visiem reģistrētajiem īpašniekiem. Gada laikā nokavēto apskašu īpatsvars samazinājies no 18 % līdz 9 %. Pieeju pārņēma arī bīstamo iekārtu uzraudzības nodaļa, un testa metodika nodota citām iestādēm kā piemērs randomizētam eksperimentam.",
    comments: [
      { author: "manager@example.lv", body: "Šis ir viens no mūsu labākajiem piemēriem ar kontroles grupu. Lūdzu iekļaut to gada pārskatā.", daysAgo: 30 },
    ],
  },
  {
    title: "Bīstamo iekārtu reģistrācijas pieteikuma vienkāršošana",
    summary: "Pārskatīt liftu, katlu un spiedieniekārtu reģistrācijas pieteikumu, lai īpašnieks to varētu iesniegt bez konsultanta palīdzības.",
    usersAffected:
      "Daudzdzīvokļu māju apsaimniekotāji, dzīvokļu īpašnieku biedrības un uzņēmumi, kuriem pieder bīstamās iekārtas. Biedrību valdes locekļi bieži nav tehniskie speciālisti.",
    problem:
      "Pieteikumā prasīta tehniskā informācija, kuras nozīmi īpašnieki nesaprot, un dokumenti, ko ne vienmēr ir iespējams iegūt. Biedrības maksā konsultantiem par vienkāršu reģistrāciju.",
    evidence:
      "Pēdējā gadā vairāk nekā puse pieteikumu tika atgriezti precizēšanai. Intervijās ar 7 dzīvokļu īpašnieku biedrību pārstāvjiem visi teica, ka bez konsultanta nav tikuši galā.",
    usersTalkedTo: 7,
    solution:
      "Sadalīt pieteikumu pa iekārtu veidiem, izņemt laukus, kuru datus aģentūra jau iegūst no citiem reģistriem, un katram laukam pievienot skaidrojumu ar piemēru.",
    expectedValue: "Mazāk atgrieztu pieteikumu un mazāk izmaksu biedrībām.",
    firstTest: "Jaunās veidlapas prototipu izmēģināt ar pieciem biedrību pārstāvjiem.",
    partners: "Latvijas Namu pārvaldītāju un apsaimniekotāju asociācija, Būvniecības valsts kontroles birojs, inspicēšanas institūcijas.",
    principles: ["partner", "equip"],
    institution: "VTUA",
    author: "raimonds.vitols@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop"],
    daysAgo: 100,
    assignee: "facilitator@example.lv",
  },
  {
    title: "Traktortehnikas vadītāju eksāmena rezultāti uzreiz pēc eksāmena",
    summary: "Teorijas eksāmena rezultāts un kļūdu skaidrojums kandidātam redzams uzreiz pēc eksāmena beigām.",
    usersAffected: "Traktortehnikas vadītāja apliecības kandidāti, bieži jaunieši no profesionālajām skolām un lauku reģioniem.",
    problem: "Rezultātu kandidāts uzzina tikai no eksaminētāja mutiski, bet nesaprot, kuros jautājumos kļūdījies, tāpēc nezina, ko mācīties atkārtoti.",
    evidence: "",
    usersTalkedTo: null,
    solution: "Pēc eksāmena parādīt rezultātu un nepareizi atbildētos jautājumus ar saiti uz attiecīgo noteikumu punktu.",
    expectedValue: "",
    firstTest: "",
    partners: "",
    principles: [],
    institution: "VTUA",
    author: "raimonds.vitols@example.lv",
    status: "DRAFT",
    path: [],
    daysAgo: 10,
  },

  // ───────────────────────── NKMP – Nacionālā kultūras mantojuma pārvalde (dace.sproge@example.lv) ─────────────────────────
  {
    title: "Priekškonsultācija pirms kultūras pieminekļa pārbūves atļaujas pieteikuma",
    summary:
      "Pieminekļa īpašnieks pirms projekta izstrādes var pieteikties bezmaksas 30 minūšu konsultācijai ar mantojuma inspektoru, lai jau sākumā saprastu prasības.",
    usersAffected:
      "Kultūras pieminekļu un vēsturisko ēku īpašnieki – privātpersonas, pašvaldības, draudzes – kā arī viņu arhitekti. Daudzi īpašnieki pieminekli mantojuši vai nopirkuši, nezinot, kādas prasības uz to attiecas.",
    problem:
      "Īpašnieki pasūta projektu, kas pēc tam netiek saskaņots, jo neatbilst mantojuma aizsardzības prasībām. Tas izmaksā dārgi, ieilgst un rada sajūtu, ka pārvalde tikai aizliedz.",
    evidence:
      "Analizējām 150 atļauju pieteikumus: 46 % projektu pirmajā reizē netika saskaņoti, visbiežāk logu, jumta seguma un fasādes krāsojuma dēļ. Intervijās 12 īpašnieki teica, ka labprāt būtu konsultējušies iepriekš, ja zinātu, ka tas iespējams.",
    usersTalkedTo: 12,
    solution:
      "Ieviest tiešsaistē piesakāmu priekškonsultāciju klātienē vai video zvanā un pēc tās nosūtīt īpašniekam rakstisku kopsavilkumu ar galvenajām prasībām.",
    expectedValue: "Mazāk nesaskaņotu projektu, ietaupīta īpašnieku nauda, labāk saglabāts mantojums un labākas attiecības ar īpašniekiem.",
    firstTest: "Divos reģionos trīs mēnešus piedāvāt priekškonsultācijas un salīdzināt pirmās saskaņošanas rezultātus.",
    partners: "Latvijas Arhitektu savienība, pašvaldību būvvaldes, Latvijas Restauratoru biedrība.",
    principles: ["test", "embrace"],
    institution: "NKMP",
    author: "dace.sproge@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "scale"],
    daysAgo: 250,
    assignee: "ilze.facilitatore@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka projekti, kuru īpašnieki saņēmuši priekškonsultāciju, biežāk tiks saskaņoti pirmajā reizē.",
        method:
          "Lai to pārbaudītu, mēs Kurzemes un Vidzemes reģionā trīs mēnešus piedāvājām priekškonsultācijas un salīdzinājām projektu saskaņošanu ar citiem reģioniem.",
        methodType: "PILOT",
        metric: "Mēs mērīsim pirmajā reizē saskaņoto projektu īpatsvaru un inspektoru patērēto laiku.",
        successCriterion: "Mums ir taisnība, ja pirmajā reizē saskaņoto projektu īpatsvars pieaug vismaz līdz 75 % un kopējais inspektoru laiks nepieaug.",
        startsDaysAgo: 170,
        durationDays: 90,
        status: "COMPLETED",
        participants: 41,
        observed:
          "Mēs novērojām, ka 82 % projektu ar priekškonsultāciju tika saskaņoti pirmajā reizē (citos reģionos – 51 %). Inspektoru kopējais laiks nedaudz samazinājās, jo mazāk bija atkārtotas izskatīšanas.",
        learned:
          "No tā mēs uzzinājām, ka laiks, kas ieguldīts sākumā, atmaksājas vēlāk. Īpašnieki īpaši novērtēja rakstisko kopsavilkumu, ko var nodot arhitektam.",
        result: "VALIDATED",
        evidenceStrength: "STRONG",
        decision: "SCALE",
      },
    ],
    comments: [
      {
        author: "ilze.facilitatore@example.lv",
        body: "Mērogošana: no nākamā ceturkšņa priekškonsultācijas pieejamas visos reģionos. Sagatavots kopsavilkuma veidnes paraugs.",
        daysAgo: 40,
      },
      { author: "dace.sproge@example.lv", body: "Paldies! Pievienojām pieteikšanos arī pārvaldes tīmekļvietnes sadaļā „Īpašniekiem”.", daysAgo: 35 },
    ],
  },
  {
    title: "Atbalsta iespējas kultūras pieminekļu īpašniekiem vienuviet",
    summary: "Vienā lapā apkopot visas finansiālā atbalsta, nodokļu atvieglojumu un konsultāciju iespējas kultūras pieminekļu īpašniekiem.",
    usersAffected:
      "Privātpersonas un organizācijas, kurām pieder kultūras pieminekļi, īpaši lauku muižu, baznīcu un koka ēku īpašnieki, kuriem trūkst līdzekļu uzturēšanai.",
    problem:
      "Informācija par atbalstu ir izkaisīta pa dažādu iestāžu tīmekļvietnēm – pārvaldes programmas, nekustamā īpašuma nodokļa atvieglojumi, Eiropas fondi, pašvaldību līdzfinansējums. Īpašnieki neuzzina par iespējām vai uzzina par vēlu.",
    evidence:
      "Konsultācijās īpašnieki bieži jautā, vai ir kāds atbalsts. Pārvaldes finansējuma programmai pieteikumu skaits ir mazāks, nekā gaidīts, īpaši no reģioniem.",
    usersTalkedTo: 5,
    solution: "Izveidot vienu tīmekļa lapu ar visām atbalsta iespējām, kas sakārtotas pēc īpašnieka veida un darbu veida, un ar termiņu kalendāru.",
    expectedValue: "Vairāk īpašnieku izmanto pieejamo atbalstu, labāk uzturēti pieminekļi.",
    firstTest: "Sagatavot lapas melnrakstu un pārbaudīt to ar pieciem īpašniekiem.",
    partners: "Kultūras ministrija, Valsts kultūrkapitāla fonds, pašvaldības, Latvijas Piļu un muižu asociācija.",
    principles: ["share", "partner"],
    institution: "NKMP",
    author: "dace.sproge@example.lv",
    status: "ACTIVE",
    path: ["submitted"],
    daysAgo: 12,
  },
  {
    title: "Pieminekļu stāvokļa apsekošana ar droniem",
    summary: "Izmantot dronus, lai regulāri fotografētu grūti pieejamo pieminekļu jumtus un torņus un agrāk pamanītu bojājumus.",
    usersAffected: "Mantojuma inspektori, kuri apseko pieminekļu stāvokli, un pieminekļu īpašnieki, kuriem laikus jāuzzina par nepieciešamajiem remontdarbiem.",
    problem:
      "Jumtu un torņu bojājumi bieži tiek pamanīti tikai tad, kad jau iekļūst ūdens un bojājumi ir lieli. Inspektori nevar pārbaudīt jumtus no zemes, un pacēlāja īre ir dārga.",
    evidence:
      "Vairākos gadījumos baznīcu jumtu bojājumi atklāti pēc gadiem, un remonta izmaksas bija daudzkārt lielākas. Inspektori min jumtu apsekošanu kā grūtāko darba daļu.",
    usersTalkedTo: 6,
    solution: "Iegādāties vienu dronu un apmācīt divus inspektorus, kas reizi gadā apseko prioritāros pieminekļus.",
    expectedValue: "Agrāk pamanīti bojājumi un mazākas remonta izmaksas īpašniekiem.",
    firstTest: "Ar nomātu dronu un licencētu pilotu apsekot 20 pieminekļus un salīdzināt ar parasto apsekošanu.",
    partners: "Civilās aviācijas aģentūra, Rīgas Tehniskā universitāte, draudzes un pašvaldības.",
    principles: ["test", "equip"],
    institution: "NKMP",
    author: "dace.sproge@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "stopped"],
    daysAgo: 270,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka drona apsekošana atklās jumtu bojājumus, ko nevar redzēt no zemes, un tas būs lētāk nekā pacēlāja izmantošana.",
        method:
          "Lai to pārbaudītu, mēs ar nomātu dronu un licencētu pilotu apsekojām 20 pieminekļus Zemgalē un rezultātus salīdzinājām ar inspektoru apsekošanu no zemes.",
        methodType: "PILOT",
        metric: "Mēs mērīsim papildus atklāto bojājumu skaitu un izmaksas uz vienu pieminekli.",
        successCriterion: "Mums ir taisnība, ja drons atklāj būtiskus bojājumus vismaz 25 % pieminekļu un izmaksas ir zemākas par pacēlāja īri.",
        startsDaysAgo: 130,
        durationDays: 30,
        status: "COMPLETED",
        participants: 20,
        observed:
          "Mēs novērojām, ka drons atklāja papildu bojājumus 4 no 20 pieminekļiem (20 %). Izmaksas bija zemākas par pacēlāju, bet 6 pieminekļus nevarēja apsekot lidojumu ierobežojumu, koku vai laikapstākļu dēļ. Attēlu analīzei bija vajadzīgs restaurācijas speciālists, kura pārvaldē nav pietiekami.",
        learned:
          "No tā mēs uzzinājām, ka tehnoloģija pati par sevi darbojas, bet ierobežotā mērogā un ar lielām slēptām izmaksām par datu analīzi. Lielāka ietekme būtu īpašnieku apmācībai pamanīt bojājumu pazīmes un regulārai apsekošanai kopā ar pašvaldībām.",
        result: "INCONCLUSIVE",
        evidenceStrength: "WEAK",
        decision: "STOP",
      },
    ],
    closingNote:
      "Ideja apturēta: drona apsekošana nesniedza pietiekami pārliecinošu ieguvumu, lai attaisnotu iekārtas iegādi un speciālistu apmācību. Dronus turpmāk nomāsim tikai atsevišķiem sarežģītiem gadījumiem. Mācība – pirms tehnoloģijas iegādes jāizvērtē arī datu apstrādes izmaksas. Atsevišķi izstrādāsim ideju par īpašnieku apmācību.",
  },
  {
    title: "Arheoloģiskās izpētes pārskatu publiskošana",
    summary: "Publicēt arheoloģiskās izpētes pārskatus tiešsaistē, lai pētnieki, būvnieki un pašvaldības varētu tos atrast bez pieprasījuma arhīvā.",
    usersAffected: "Arheologi, pētnieki, studenti, būvniecības projektu izstrādātāji un pašvaldību plānotāji.",
    problem:
      "Pārskati glabājas pārvaldes arhīvā papīra formā vai kā skenēti faili, un, lai tos iegūtu, jāraksta pieprasījums. Būvnieki par agrāk veiktu izpēti uzzina par vēlu.",
    evidence: "Arhīvs saņem regulārus pieprasījumus par pārskatiem, un pētnieki sūdzas par gaidīšanu.",
    usersTalkedTo: null,
    solution: "Pakāpeniski digitalizēt pārskatus un publicēt tos tiešsaistē ar meklēšanu pēc vietas kartē.",
    expectedValue: "Ātrāka piekļuve informācijai un labāka plānošana būvniecībā.",
    firstTest: "Publicēt viena novada pārskatus un vērot interesi.",
    partners: "Latvijas Universitātes Latvijas vēstures institūts, arheologu biedrības.",
    principles: ["share"],
    institution: "NKMP",
    author: "dace.sproge@example.lv",
    status: "NEEDS_INFO",
    path: ["submitted"],
    daysAgo: 30,
    question:
      "Vai varat precizēt, cik pieprasījumu arhīvs saņem gadā un kas ir galvenie pieprasītāji? Tāpat lūdzam pārbaudīt, vai pārskatu publiskošanai nav ierobežojumu – piemēram, vai atradumu vietu precīzas koordinātas nevar veicināt nelegālu „melno arheoloģiju”.",
    comments: [
      {
        author: "manager@example.lv",
        body: "Svarīgs jautājums par atradumu vietu aizsardzību – iespējams, jāpublicē tikai vispārināta atrašanās vieta.",
        daysAgo: 28,
      },
    ],
  },

  // ───────────────────────── IUB – Iepirkumu uzraudzības birojs (toms.eglitis@example.lv) ─────────────────────────
  {
    title: "Iesnieguma par iepirkuma procedūru paraugs mazajiem uzņēmumiem",
    summary: "Interaktīvs iesnieguma paraugs, kas palīdz mazajam uzņēmumam pareizi noformēt sūdzību par iepirkuma procedūru un nenokavēt termiņu.",
    usersAffected:
      "Mazie un vidējie uzņēmumi, kas piedalās publiskajos iepirkumos bez iekšēja jurista. Bieži tie ir būvniecības, IT un ēdināšanas uzņēmumi no reģioniem.",
    problem:
      "Iesniegumi bieži tiek atstāti bez izskatīšanas formālu iemeslu dēļ – nav norādīts prasījums, nav samaksāta drošības nauda, vai iesniegums iesniegts pēc termiņa. Uzņēmēji zaudē iespēju aizstāvēt savas tiesības.",
    evidence:
      "Pēdējo divu gadu statistika rāda, ka aptuveni 15 % iesniegumu netiek izskatīti formālu trūkumu dēļ, un lielākā daļa no tiem ir no mazajiem uzņēmumiem. Intervējām 8 uzņēmējus, no kuriem 5 nezināja par drošības naudas prasību.",
    usersTalkedTo: 8,
    solution:
      "Izveidot tīmekļa veidni, kas soli pa solim jautā par iepirkumu, aprēķina termiņu un drošības naudu un beigās izveido pareizi strukturētu iesnieguma projektu.",
    expectedValue: "Mazāk formālu atteikumu, vienlīdzīgākas iespējas mazajiem uzņēmumiem aizstāvēt savas tiesības.",
    firstTest: "Papīra prototipu izmēģināt ar 5 uzņēmējiem iepirkumu seminārā.",
    partners: "Latvijas Tirdzniecības un rūpniecības kamera, Latvijas Darba devēju konfederācija, Finanšu ministrija.",
    principles: ["equip", "test"],
    institution: "IUB",
    author: "toms.eglitis@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop"],
    daysAgo: 110,
    assignee: "ilze.facilitatore@example.lv",
    comments: [
      {
        author: "ilze.facilitatore@example.lv",
        body: "Svarīgi, lai veidne nesniegtu juridisku padomu par lietas būtību – tikai palīdzētu ar formu un termiņiem. Ieteiktu to skaidri norādīt.",
        daysAgo: 50,
      },
    ],
  },
  {
    title: 'Sūdzību ceļvedis: "kas, kad & cik" mazajiem pretendentiem',
    summary: "Vienas lapas ceļvedis pretendentiem: termiņi, drošības nauda, iesnieguma forma & nākamie soļi – bez juridiskā žargona.",
    usersAffected:
      "Pretendenti publiskajos iepirkumos, kuri pirmo reizi apsver sūdzības iesniegšanu:\n- mazie uzņēmumi,\n- pašnodarbinātie,\n- biedrības, kas piedalās sociālo pakalpojumu iepirkumos.",
    problem:
      'Uzņēmēji nezina, „kur sākt”: vai sūdzēties pasūtītājam vai IUB, cik dienu ir termiņš, vai jāmaksā drošības nauda. Biežākie jautājumi konsultāciju tālrunī ir: "Vai vēl nav par vēlu?", "Cik tas maksās?" & "Kas notiks pēc tam?".\nTie paši jautājumi atkārtojas katru nedēļu.',
    evidence:
      "Konsultāciju žurnālā pēdējā ceturksnī – 214 jautājumi par sūdzību termiņiem, drošības naudu, iesnieguma formu. Kolēģi, kas atbild uz zvaniem, apstiprina, ka atbildes ir vienas un tās pašas.",
    usersTalkedTo: 4,
    solution:
      'Sagatavot vienas lapas ceļvedi ar trim blokiem – "Kas?", "Kad?" & "Cik?" – un publicēt to IUB tīmekļvietnē, kā arī sūtīt kā saiti atbildēs uz jautājumiem.\nCeļvedi pārbaudīt ar uzņēmējiem pirms publicēšanas.',
    expectedValue: "Mazāk atkārtotu jautājumu, mazāk nokavētu termiņu.",
    firstTest: "Sūtīt ceļveža melnrakstu 10 zvanītājiem un pēc nedēļas pajautāt, vai tas palīdzēja.",
    partners: "IUB Juridiskais departaments, komunikācijas nodaļa, uzņēmēju organizācijas.",
    principles: ["share", "equip"],
    institution: "IUB",
    author: "toms.eglitis@example.lv",
    status: "ACTIVE",
    path: ["submitted"],
    daysAgo: 7,
  },
  {
    title: "Iepirkumu plānu automātiska salīdzināšana ar publicētajiem paziņojumiem",
    summary:
      "Automātiski salīdzināt pasūtītāju publicētos iepirkumu plānus ar faktiski izsludinātajiem iepirkumiem, lai pamanītu iespējamu iepirkumu sadalīšanu.",
    usersAffected:
      "IUB uzraudzības speciālisti, kuri pārbauda, vai pasūtītāji ievēro iepirkumu regulējumu, un netieši – uzņēmēji, kuriem ir tiesības uz godīgu konkurenci.",
    problem:
      "Iepirkumu mākslīga sadalīšana mazākās daļās, lai izvairītos no atklāta konkursa, ir grūti pamanāma, jo speciālistiem manuāli jāsalīdzina plāni un paziņojumi.",
    evidence:
      "Pārbaudēs vairākkārt konstatēti gadījumi, kad līdzīgas preces iepirktas vairākos mazos iepirkumos viena gada laikā. Speciālisti lēš, ka manuāla salīdzināšana aizņem vairākas dienas mēnesī.",
    usersTalkedTo: 6,
    solution: "Izstrādāt datu analīzes rīku, kas salīdzina iepirkumu plānus un paziņojumus pēc CPV kodiem un summām un atzīmē aizdomīgus gadījumus.",
    expectedValue: "Efektīvāka uzraudzība un vairāk atklātu pārkāpumu ar mazāku darbu.",
    firstTest: "Analizēt viena gada datus par 30 pasūtītājiem un pārbaudīt, cik atzīmēto gadījumu speciālisti uzskata par pamatotiem.",
    partners: "Valsts reģionālās attīstības aģentūra (EIS), Finanšu ministrija, Valsts kontrole.",
    principles: ["test", "equip"],
    institution: "IUB",
    author: "toms.eglitis@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test", "stopped"],
    daysAgo: 230,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis:
          "Mēs uzskatām, ka automātiska plānu un paziņojumu salīdzināšana atzīmēs gadījumus, no kuriem vismaz puse speciālistu vērtējumā būs pamatoti pārbaudāmi.",
        method:
          "Lai to pārbaudītu, mēs analizējām viena gada datus par 30 pasūtītājiem ar vienkāršu skriptu un atzīmētos gadījumus nodevām divu speciālistu vērtējumam.",
        methodType: "DATA_ANALYSIS",
        metric: "Mēs mērīsim to atzīmēto gadījumu īpatsvaru, kurus speciālisti atzīst par pamatotiem pārbaudei.",
        successCriterion: "Mums ir taisnība, ja vismaz 50 % atzīmēto gadījumu ir pamatoti.",
        startsDaysAgo: 120,
        durationDays: 30,
        status: "COMPLETED",
        participants: null,
        observed:
          "Mēs novērojām, ka rīks atzīmēja 143 gadījumus, bet tikai 19 % speciālisti uzskatīja par pamatotiem. Daudzi pasūtītāji iepirkumu plānus publicē nepilnīgi vai ar vispārīgiem CPV kodiem, tāpēc salīdzināšana deva daudz kļūdainu signālu.",
        learned:
          "No tā mēs uzzinājām, ka problēma ir ievaddatu kvalitātē, nevis analīzes metodē. Kamēr iepirkumu plāni netiek aizpildīti vienoti, automātiska salīdzināšana nav uzticama.",
        result: "INCONCLUSIVE",
        evidenceStrength: "MEDIUM",
        decision: "STOP",
      },
    ],
    closingNote:
      "Ideja apturēta, jo iepirkumu plānu datu kvalitāte nav pietiekama uzticamai automātiskai analīzei. Iesniedzām Finanšu ministrijai priekšlikumu par obligātiem laukiem iepirkumu plānos. Pie idejas varam atgriezties, kad dati būs vienotāki.",
    comments: [
      {
        author: "facilitator@example.lv",
        body: "Šis ir labs piemērs, kā eksperiments parāda sistēmisku problēmu citur. Priekšlikumu FM vajadzētu pieminēt ceturkšņa pārskatā.",
        internal: true,
        daysAgo: 80,
      },
    ],
  },

  // ───────────────────────── VTEB – Valsts tiesu ekspertīžu birojs (sandra.lace@example.lv) ─────────────────────────
  {
    title: "Ekspertīzes izpildes statusa pārbaude tiesām un izmeklētājiem",
    summary: "Izpētīt, kā tiesas un izmeklētāji varētu paši pārbaudīt ekspertīzes izpildes statusu un plānoto pabeigšanas laiku, nezvanot birojam.",
    usersAffected:
      "Tiesneši, tiesnešu palīgi, prokurori un izmeklētāji, kuri pasūtījuši ekspertīzi un plāno lietas tālāko virzību, kā arī biroja lietveži, kas atbild uz jautājumiem.",
    problem:
      "Ekspertīžu pasūtītāji nezina, kurā stadijā ir ekspertīze un kad gaidāms atzinums, tāpēc zvana un raksta e-pastus. Tas traucē ekspertiem un lietvežiem, un pasūtītāji nevar plānot sēdes.",
    evidence:
      "Lietveži lēš, ka dienā saņem 20–30 zvanu un e-pastu par ekspertīžu statusu. Intervijās trīs tiesnešu palīgi stāstīja, ka sēdes grafiku bieži nākas mainīt, jo atzinums nav gatavs.",
    usersTalkedTo: 5,
    solution: "Izpētīt pasūtītāju vajadzības un noskaidrot, vai pietiek ar statusu e-lietā vai vajadzīgs atsevišķs risinājums.",
    expectedValue: "Mazāk zvanu un labāka sēžu plānošana.",
    firstTest: "Trīs mēnešus reizi nedēļā sūtīt vienai tiesai ekspertīžu statusu kopsavilkumu un vērot zvanu skaitu.",
    partners: "Tiesu administrācija, Valsts policija, Prokuratūra.",
    principles: ["partner"],
    institution: "VTEB",
    author: "sandra.lace@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover"],
    daysAgo: 245,
    assignee: "ilze.facilitatore@example.lv",
  },
  {
    title: "Ekspertīzes objektu iepakošanas instrukcija ar attēliem",
    summary: "Vizuāla instrukcija izmeklētājiem par to, kā pareizi iepakot un nosūtīt ekspertīzes objektus, lai tie netiktu atgriezti vai sabojāti.",
    usersAffected:
      "Valsts policijas izmeklētāji un kriminālisti reģionos, kuri nosūta birojam pierādījumus – narkotiskās vielas, DNS paraugus, dokumentus, ieročus. Daudzi to dara reti un nav apmācīti katram objekta veidam.",
    problem:
      "Daļa objektu tiek iepakoti nepareizi – piemēram, mitri bioloģiskie paraugi plastmasas maisiņos – un tie sabojājas vai ir jāatgriež. Tas aizkavē izmeklēšanu un dažkārt padara ekspertīzi neiespējamu.",
    evidence:
      "Biroja uzskaitē pagājušajā gadā 6 % objektu tika atgriezti vai pieņemti ar piezīmēm par iepakojumu. Intervijās izmeklētāji teica, ka esošā instrukcija ir 40 lappušu gara un to neviens nelasa.",
    usersTalkedTo: 13,
    solution: "Izveidot vienas lapas instrukcijas ar fotogrāfijām katram biežākajam objekta veidam un QR kodu uz pilno aprakstu.",
    expectedValue: "Mazāk atgrieztu un sabojātu objektu, ātrāka ekspertīzes izpilde.",
    firstTest: "Divos Valsts policijas reģionos izdalīt instrukcijas un salīdzināt atgriezto objektu skaitu.",
    partners: "Valsts policija, Valsts policijas koledža, Iekšlietu ministrija.",
    principles: ["equip", "test"],
    institution: "VTEB",
    author: "sandra.lace@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop", "test"],
    daysAgo: 190,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka izmeklētāji, kuri saņēmuši attēlu instrukciju, iepakos bioloģiskos paraugus pareizi biežāk nekā līdz šim.",
        method:
          "Lai to pārbaudītu, mēs Latgales un Zemgales reģiona pārvaldēm izdalījām laminētas instrukcijas un trīs mēnešus uzskaitījām atgrieztos objektus.",
        methodType: "PILOT",
        metric: "Mēs mērīsim atgriezto vai ar piezīmēm pieņemto objektu īpatsvaru pilota reģionos, salīdzinot ar citiem reģioniem.",
        successCriterion: "Mums ir taisnība, ja pilota reģionos šis īpatsvars samazinās vismaz uz pusi.",
        startsDaysAgo: 110,
        durationDays: 90,
        status: "COMPLETED",
        participants: 64,
        observed:
          "Mēs novērojām, ka pilota reģionos atgriezto objektu īpatsvars samazinājās no 6,5 % līdz 2,1 %, citos reģionos tas nemainījās. Izmeklētāji instrukciju turēja pie iepakošanas galda un lūdza papildināt to ar digitālo ierīču iepakošanu.",
        learned:
          "No tā mēs uzzinājām, ka vizuāla instrukcija darba vietā ir daudz efektīvāka par garu dokumentu. Jāpievieno sadaļa par digitālajām ierīcēm, pirms izplatīt visā valstī.",
        result: "VALIDATED",
        evidenceStrength: "MEDIUM",
        decision: "PERSEVERE",
      },
    ],
    comments: [
      {
        author: "facilitator@example.lv",
        body: "Rezultāti ir ļoti labi. Pirms mērogošanas ieteiktu ātri notestēt digitālo ierīču sadaļu ar 3–4 kriminālistiem.",
        daysAgo: 15,
      },
    ],
  },
  {
    title: "Eksperta atzinuma kopsavilkums nespeciālistiem",
    summary: "Katram eksperta atzinumam pievienot īsu kopsavilkumu saprotamā valodā, ko var izlasīt tiesnesis, prokurors un apsūdzētais.",
    usersAffected: "Tiesas procesa dalībnieki, kas nav attiecīgās jomas speciālisti – tiesneši, advokāti, cietušie un apsūdzētie.",
    problem:
      "Atzinumi ir tehniski, un secinājumi ne vienmēr ir saprotami bez eksperta paskaidrojuma. Ekspertus bieži aicina uz tiesu tikai tāpēc, lai paskaidrotu atzinumu.",
    evidence: "",
    usersTalkedTo: null,
    solution: "Atzinuma sākumā pievienot 3–5 teikumu kopsavilkumu ar galvenajiem secinājumiem vienkāršā valodā.",
    expectedValue: "",
    firstTest: "",
    partners: "Tiesu administrācija.",
    principles: [],
    institution: "VTEB",
    author: "sandra.lace@example.lv",
    status: "DRAFT",
    path: [],
    daysAgo: 15,
  },

  // ───────────────────────── VK – Valsts kanceleja (facilitatori) ─────────────────────────
  {
    title: "Ideju laboratorijas pieteikuma veidlapas pārbaude ar pašiem iesniedzējiem",
    summary: "Noskaidrot, kur ideju iesniedzēji aizpildot veidlapu apstājas vai nesaprot jautājumus, un uzlabot to, lai idejas būtu pamatotākas jau no sākuma.",
    usersAffected:
      "Valsts pārvaldes darbinieki, kuri iesniedz idejas laboratorijā – bieži klientu apkalpošanas speciālisti un inspektori, kuriem nav pieredzes ar dizaina domāšanu.",
    problem:
      "Daudzas idejas tiek iesniegtas bez pierādījumiem par lietotāju problēmu vai ar risinājumu, kas aprakstīts pirms problēmas. Facilitatoriem bieži jāprasa papildu informācija, un iesniedzēji jūtas nedroši.",
    evidence:
      "No pēdējām 40 idejām aptuveni trešdaļai bija jāpieprasa papildu informācija, visbiežāk par to, kā autors zina, ka problēma pastāv. Trīs autori teica, ka jautājums par pierādījumiem šķita „eksāmens”.",
    usersTalkedTo: 8,
    solution:
      "Novērot 6–8 darbiniekus, kuri aizpilda veidlapu, un pārformulēt jautājumus, pievienojot piemērus un paskaidrojumu, kāpēc katrs jautājums ir svarīgs.",
    expectedValue: "Pamatotākas idejas, mazāk papildu jautājumu un lielāka darbinieku pārliecība iesniegt idejas.",
    firstTest: "Pārformulēt jautājumu par pierādījumiem un izmēģināt to ar pieciem darbiniekiem.",
    partners: "Inovāciju kopienas dalībnieki dažādās iestādēs, Valsts administrācijas skola.",
    principles: ["equip", "embrace"],
    institution: "VK",
    author: "facilitator@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define"],
    daysAgo: 75,
    assignee: "ilze.facilitatore@example.lv",
  },
  {
    title: "Lietotāju interviju rīkkopa valsts pārvaldes darbiniekiem",
    summary:
      "Praktisks rīku komplekts ar interviju jautājumu paraugiem, piekrišanas veidlapu un piezīmju veidni, lai jebkura iestāde varētu sarunāties ar saviem klientiem.",
    usersAffected:
      "Valsts pārvaldes darbinieki, kuri vēlas izprast savu klientu vajadzības, bet nav apmācīti veikt intervijas – pakalpojumu vadītāji, klientu apkalpošanas speciālisti, politikas plānotāji.",
    problem:
      "Iestādes vēlas runāt ar klientiem, bet nezina, kā sagatavot jautājumus, kā ievērot datu aizsardzības prasības un kā apkopot rezultātus. Rezultātā intervijas vai nu nenotiek, vai jautājumi ir uzvedinoši.",
    evidence:
      "Laboratorijas apmācībās 9 no 12 dalībniekiem teica, ka galvenais šķērslis ir nedrošība par to, „kā pareizi”. Vairākas iestādes lūgušas mūs pašus veikt intervijas viņu vietā.",
    usersTalkedTo: 12,
    solution:
      "Izveidot rīkkopu ar jautājumu paraugiem, datu aizsardzības piekrišanas veidlapu, piezīmju un apkopojuma veidni un 20 minūšu video par intervēšanas pamatiem.",
    expectedValue: "Vairāk iestāžu pašas sarunājas ar klientiem, labāki pierādījumi idejās.",
    firstTest: "Rīkkopas melnrakstu izmēģināt divās iestādēs, kas šobrīd strādā pie idejām izpētes posmā.",
    partners: "Valsts administrācijas skola, Datu valsts inspekcija, iestāžu inovāciju koordinatori.",
    principles: ["equip", "share"],
    institution: "VK",
    author: "ilze.facilitatore@example.lv",
    status: "ACTIVE",
    path: ["submitted", "discover", "define", "develop"],
    daysAgo: 160,
    assignee: "facilitator@example.lv",
    experiments: [
      {
        hypothesis: "Mēs uzskatām, ka darbinieki ar rīkkopu spēs patstāvīgi sagatavot un veikt lietotāju intervijas bez facilitatora klātbūtnes.",
        method:
          "Lai to pārbaudītu, mēs rīkkopu nodevām LAD un VVD komandām, kas strādā pie idejām izpētes posmā, un pēc tam izvērtēsim viņu interviju piezīmes.",
        methodType: "PILOT",
        metric: "Mēs mērīsim, cik komandu veica vismaz piecas intervijas un cik jautājumu facilitatori novērtēja kā neuzvedinošus.",
        successCriterion: "Mums ir taisnība, ja abas komandas veic intervijas patstāvīgi un vismaz 80 % jautājumu ir neuzvedinoši.",
        startsDaysAgo: 15,
        durationDays: 30,
        status: "RUNNING",
        participants: 6,
      },
    ],
  },
];
