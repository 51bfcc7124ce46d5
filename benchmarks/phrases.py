"""Words for the benchmark corpus: titles and sentences of customer-service SOPs in five languages.

English sentences are assembled from fragments (a thousand combinations, so the
search index sees a realistic vocabulary); translations use whole sentences.
"""

from __future__ import annotations

import random

ACTIONS = {
    "en": ["Handling", "Recording", "Escalating", "Verifying", "Closing", "Reviewing", "Refunding", "Scheduling", "Transferring", "Following up on", "Logging", "Approving"],
    "pl": ["Obsługa", "Rejestrowanie", "Eskalacja", "Weryfikacja", "Zamykanie", "Przegląd", "Zwrot", "Planowanie", "Przekazywanie", "Monitorowanie", "Ewidencja", "Zatwierdzanie"],
    "hu": ["Kezelése:", "Rögzítése:", "Eszkalálása:", "Ellenőrzése:", "Lezárása:", "Felülvizsgálata:", "Visszatérítése:", "Ütemezése:", "Átadása:", "Nyomon követése:", "Naplózása:", "Jóváhagyása:"],
    "lv": ["Apstrāde:", "Reģistrēšana:", "Eskalācija:", "Pārbaude:", "Slēgšana:", "Pārskatīšana:", "Atmaksa:", "Plānošana:", "Nodošana:", "Uzraudzība:", "Uzskaite:", "Apstiprināšana:"],
    "ar": ["معالجة", "تسجيل", "تصعيد", "التحقق من", "إغلاق", "مراجعة", "استرداد", "جدولة", "تحويل", "متابعة", "توثيق", "اعتماد"],
}
SUBJECTS = [
    ("a billing dispute", "sporu o rozliczenie", "számlázási vita", "rēķina strīds", "نزاع الفواتير"),
    ("a missed appointment", "nieodbytej wizyty", "elmaradt időpont", "nokavēta vizīte", "موعد فائت"),
    ("a request for a payment plan", "wniosku o plan spłat", "részletfizetési kérelem", "maksājumu plāna pieprasījums", "طلب خطة سداد"),
    ("a complaint about a delivery", "reklamacji dostawy", "szállítási panasz", "sūdzība par piegādi", "شكوى بشأن التسليم"),
    ("a change of address", "zmiany adresu", "címváltozás", "adreses maiņa", "تغيير العنوان"),
    ("a lost or stolen card", "zgubionej lub skradzionej karty", "elveszett vagy ellopott kártya", "pazaudēta vai nozagta karte", "بطاقة مفقودة أو مسروقة"),
    ("a service outage", "awarii usługi", "szolgáltatáskiesés", "pakalpojuma traucējums", "انقطاع الخدمة"),
    ("a request from a vulnerable customer", "zgłoszenia klienta szczególnej troski", "kiszolgáltatott ügyfél kérése", "neaizsargāta klienta pieprasījums", "طلب عميل مستضعف"),
    ("a duplicate payment", "podwójnej płatności", "kettős fizetés", "dubults maksājums", "دفعة مكررة"),
    ("a data access request", "wniosku o dostęp do danych", "adathozzáférési kérelem", "datu piekļuves pieprasījums", "طلب الوصول إلى البيانات"),
    ("a contract cancellation", "rozwiązania umowy", "szerződésbontás", "līguma laušana", "إلغاء العقد"),
    ("a faulty device return", "zwrotu wadliwego urządzenia", "hibás készülék visszavétele", "bojātas ierīces atgriešana", "إرجاع جهاز معيب"),
    ("a callback request", "prośby o oddzwonienie", "visszahívási kérés", "atzvanīšanas pieprasījums", "طلب معاودة الاتصال"),
    ("an overdue invoice", "zaległej faktury", "lejárt számla", "kavēts rēķins", "فاتورة متأخرة"),
    ("a social media mention", "wzmianki w mediach społecznościowych", "közösségi médiás említés", "pieminējums sociālajos tīklos", "إشارة على وسائل التواصل"),
    ("an accessibility adjustment", "dostosowania dostępności", "akadálymentesítési igény", "piekļūstamības pielāgojums", "تعديل لإمكانية الوصول"),
    ("a meter reading query", "pytania o odczyt licznika", "mérőállás-kérdés", "skaitītāja rādījuma jautājums", "استفسار عن قراءة العداد"),
    ("a goodwill credit", "rekompensaty uznaniowej", "méltányossági jóváírás", "labas gribas kredīts", "رصيد حسن النية"),
    ("a new customer sign-up", "rejestracji nowego klienta", "új ügyfél regisztrációja", "jauna klienta reģistrācija", "تسجيل عميل جديد"),
    ("a bereavement notification", "zgłoszenia zgonu", "haláleset bejelentése", "paziņojums par nāvi", "إشعار وفاة"),
]
_LANG_INDEX = {"en": 0, "pl": 1, "hu": 2, "lv": 3, "ar": 4}
TAGS = ["refund", "verification", "escalation", "callback", "complaint", "payment", "outage", "consent", "identity", "delivery", "hold", "survey", "store", "engineer", "invoice"]


def title(lang: str, action: int, subject: int) -> str:
    verb = ACTIONS[lang][action % len(ACTIONS[lang])]
    noun = SUBJECTS[subject][_LANG_INDEX[lang]]
    text = f"{verb} {noun}"
    return text[0].upper() + text[1:]


_EN = {
    "openers": ["The agent", "The team leader", "The duty manager", "Each adviser", "The quality analyst", "The case owner", "The billing specialist", "The store manager", "The field engineer", "The back-office clerk"],
    "verbs": ["checks", "records", "confirms", "escalates", "reviews", "updates", "explains", "schedules", "closes", "verifies"],
    "objects": ["the customer's account in Relay", "the payment history for the last twelve months", "the case notes and the promised next step", "the refund amount against the authorisation limit",
                "the callback time agreed with the customer", "the identity of the caller with two security answers", "the complaint reference and its deadline",
                "the outage notice on the Compass start page", "the consent given for marketing contact", "the delivery address and the access instructions"],
    "ends": ["before the contact ends.", "within one working day.", "and tells the customer what happens next.", "using the template in Compass.", "as soon as the queue allows.",
             "before handing the case over.", "in line with the data protection rules.", "and notes the outcome code.", "so that no follow-up is lost.", "at the start of every shift."],
    "scope_table": ["Channel", "Hours"], "channel_rows": ["Phone", "Chat", "Email", "Counter"], "hours": ["08:00 to 20:00", "09:00 to 17:00", "24 hours", "Monday to Friday"],
    "role_table": ["Role", "Responsibility"], "roles": ["Agent", "Senior agent", "Team leader", "Duty manager", "Quality analyst", "Department lead", "WFM analyst"],
    "measure_table": ["Measure", "Target", "Source"], "measures": ["First contact resolution", "Average handle time", "Customer satisfaction", "Cases closed on time", "Escalation rate", "Quality score"],
    "targets": ["80% or more", "below 5%", "100% compliance", "within 2 working days", "6 minutes or less"], "sources": ["Relay weekly dashboard", "Beacon daily report", "QA scorecard", "Monthly audit"],
    "stages": ["Preparation", "Contact", "Resolution", "Follow-up", "Closure"],
    "nodes": ["Receive the request", "Resolve on the contact", "Escalate to the team leader", "Record the outcome", "Book a callback", "Send the confirmation"],
    "question": "Within your limits?", "yes": "Yes", "no": "No",
}
_SENTENCES = {
    "pl": ["Konsultant sprawdza konto klienta w systemie Relay przed zakończeniem rozmowy.", "Lider zespołu zatwierdza wyjątek w ciągu jednego dnia roboczego.",
           "Każde zgłoszenie otrzymuje numer referencyjny i termin odpowiedzi.", "Klient zawsze wie, co wydarzy się dalej i kiedy.",
           "Notatka w sprawie zawiera powód kontaktu, podjęte działania i kolejny krok.", "Zwrot powyżej limitu wymaga zgody kierownika dyżurnego.",
           "Tożsamość rozmówcy potwierdza się dwiema odpowiedziami bezpieczeństwa.", "Oddzwonienie planuje się na godzinę dogodną dla klienta."],
    "hu": ["Az ügyintéző a hívás vége előtt ellenőrzi az ügyfél fiókját a Relay rendszerben.", "A csoportvezető egy munkanapon belül jóváhagyja a kivételt.",
           "Minden bejelentés hivatkozási számot és válaszhatáridőt kap.", "Az ügyfél mindig tudja, mi történik ezután és mikor.",
           "Az ügyjegyzet tartalmazza a megkeresés okát, a megtett lépéseket és a következő lépést.", "A limit feletti visszatérítéshez az ügyeletes vezető jóváhagyása kell.",
           "A hívó személyazonosságát két biztonsági kérdéssel kell igazolni.", "A visszahívást az ügyfélnek megfelelő időpontra kell ütemezni."],
    "lv": ["Konsultants pirms sarunas beigām pārbauda klienta kontu sistēmā Relay.", "Komandas vadītājs vienas darba dienas laikā apstiprina izņēmumu.",
           "Katrs pieteikums saņem atsauces numuru un atbildes termiņu.", "Klients vienmēr zina, kas notiks tālāk un kad.",
           "Lietas piezīmē norāda kontakta iemeslu, veiktās darbības un nākamo soli.", "Atmaksai virs limita vajadzīga dežurējošā vadītāja piekrišana.",
           "Zvanītāja identitāti apstiprina ar divām drošības atbildēm.", "Atzvanīšanu plāno klientam ērtā laikā."],
    "ar": ["يتحقق الموظف من حساب العميل في نظام Relay قبل انتهاء المكالمة.", "يعتمد قائد الفريق الاستثناء خلال يوم عمل واحد.",
           "يحصل كل طلب على رقم مرجعي وموعد للرد.", "يعرف العميل دائمًا ما سيحدث بعد ذلك ومتى.",
           "تتضمن ملاحظة الحالة سبب الاتصال والإجراء المتخذ والخطوة التالية.", "يتطلب الاسترداد الذي يتجاوز الحد موافقة المدير المناوب.",
           "يتم التحقق من هوية المتصل بإجابتين على أسئلة الأمان.", "تتم جدولة معاودة الاتصال في وقت يناسب العميل."],
}
_TABLES = {
    "pl": (["Kanał", "Godziny"], ["Telefon", "Czat", "E-mail", "Okienko"], ["Rola", "Odpowiedzialność"], ["Konsultant", "Starszy konsultant", "Lider zespołu", "Kierownik dyżurny", "Analityk jakości"],
           ["Miernik", "Cel", "Źródło"], ["Rozwiązanie przy pierwszym kontakcie", "Średni czas obsługi", "Zadowolenie klienta", "Sprawy zamknięte w terminie"], ["Przygotowanie", "Kontakt", "Rozwiązanie", "Zamknięcie"],
           ["Przyjmij zgłoszenie", "Rozwiąż sprawę", "Przekaż liderowi", "Zapisz wynik", "Zaplanuj oddzwonienie"], "W ramach limitu?", "Tak", "Nie"),
    "hu": (["Csatorna", "Időszak"], ["Telefon", "Csevegés", "E-mail", "Pult"], ["Szerepkör", "Felelősség"], ["Ügyintéző", "Senior ügyintéző", "Csoportvezető", "Ügyeletes vezető", "Minőségelemző"],
           ["Mérőszám", "Cél", "Forrás"], ["Első kapcsolatfelvételi megoldás", "Átlagos kezelési idő", "Ügyfél-elégedettség", "Határidőre lezárt ügyek"], ["Előkészítés", "Kapcsolatfelvétel", "Megoldás", "Lezárás"],
           ["Bejelentés fogadása", "Megoldás", "Átadás a vezetőnek", "Eredmény rögzítése", "Visszahívás ütemezése"], "A limiten belül?", "Igen", "Nem"),
    "lv": (["Kanāls", "Laiks"], ["Tālrunis", "Tērzēšana", "E-pasts", "Lete"], ["Loma", "Atbildība"], ["Konsultants", "Vecākais konsultants", "Komandas vadītājs", "Dežurējošais vadītājs", "Kvalitātes analītiķis"],
           ["Rādītājs", "Mērķis", "Avots"], ["Atrisināts pirmajā kontaktā", "Vidējais apkalpošanas laiks", "Klientu apmierinātība", "Laikā slēgtās lietas"], ["Sagatavošana", "Kontakts", "Atrisināšana", "Slēgšana"],
           ["Saņemt pieteikumu", "Atrisināt", "Nodot vadītājam", "Reģistrēt rezultātu", "Ieplānot atzvanīšanu"], "Limita robežās?", "Jā", "Nē"),
    "ar": (["القناة", "الساعات"], ["الهاتف", "الدردشة", "البريد الإلكتروني", "المكتب"], ["الدور", "المسؤولية"], ["الموظف", "الموظف الأول", "قائد الفريق", "المدير المناوب", "محلل الجودة"],
           ["المقياس", "الهدف", "المصدر"], ["الحل من أول اتصال", "متوسط وقت المعالجة", "رضا العملاء", "الحالات المغلقة في الموعد"], ["التحضير", "الاتصال", "الحل", "الإغلاق"],
           ["استلام الطلب", "حل المشكلة", "التحويل إلى القائد", "تسجيل النتيجة", "جدولة معاودة الاتصال"], "ضمن الحد؟", "نعم", "لا"),
}
_KEYS = ("scope_table", "channel_rows", "role_table", "roles", "measure_table", "measures", "stages", "nodes", "question", "yes", "no")


def language(lang: str) -> dict:
    """The words of one language, in the shape `sentence()` and the corpus expect."""
    if lang == "en":
        return {**_EN, "lang": "en"}
    words = dict(zip(_KEYS, _TABLES[lang]))
    words.update(lang=lang, sentences=_SENTENCES[lang], hours=_EN["hours"][:2] + ["24/7"], targets=_EN["targets"][:3], sources=["Relay", "Beacon", "QA"])
    return words


def sentence(words: dict, rng: random.Random, term, link) -> str:
    """One sentence; about one in three carries a glossary term, one in eight a link to another SOP."""
    if words["lang"] == "en":
        text = f"{rng.choice(words['openers'])} {rng.choice(words['verbs'])} {rng.choice(words['objects'])} {rng.choice(words['ends'])}"
    else:
        text = rng.choice(words["sentences"])
    if rng.random() < 0.35:
        text = f"{text[:-1]} ({term()})."
    if rng.random() < 0.12:
        text = f"{text} → {link()}"
    return text
