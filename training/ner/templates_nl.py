"""Dutch support-message fragments with slots (see ``compose.SLOTS``); ``//`` is a line break.

Written for this generator from general knowledge of how customers of a web host write; not taken from
the evaluation corpora.
"""

from __future__ import annotations

GREETINGS = """
Beste {AGENT},
Hoi {AGENT},
Hallo {AGENT},
Goedemorgen {AGENT},
Goedemiddag {AGENT},
Dag {AGENT},
Hey {AGENT}!
Beste heer {LAST},
Beste mevrouw {LAST},
Geachte heer {LAST},
Geachte mevrouw {LAST},
Geachte heer/mevrouw,
Geachte {FULL},
Beste {FULL},
Hallo,
Hoi,
Goedemorgen,
Goedemiddag,
Goedenavond,
Beste support,
Beste medewerker,
Beste helpdesk,
Hallo allemaal,
L.S.,
Hoi hoi,
Beste mensen,
""".strip().splitlines()

CLOSINGS = """
Met vriendelijke groet,
Met vriendelijke groeten,
Vriendelijke groet,
Mvg,
Mvg
Groet,
Groeten,
Groetjes,
Gr.
Hartelijke groet,
Alvast bedankt,
Alvast bedankt!
Dank je wel,
Bedankt en groet,
Met groet,
Hoogachtend,
Fijne dag,
""".strip().splitlines()

SIGNATURES = """
{ME}
{ME}
{ME_FULL}
{ME_FIRST}
{ME_FULL}//{MY_ORG}
{ME_FULL}//{MY_ORG}//{PHONE}
{ME_FULL}//{ROLE}//{MY_ORG}//T {PHONE}//{DOMAIN}
{ME_FULL} | {MY_ORG}//{ADDRESS}
{ME_FULL}//{ADDRESS_ML}
{ME_FULL}//{ADDRESS_ML}//Tel: {PHONE}
{ME_INIT}
{ME_INIT}//{MY_ORG}
{ME_FIRST} ({MY_ORG})
{ME_FULL}//Verstuurd vanaf mijn iPhone
{ME_FIRST}//--//{MY_ORG} | {ADDRESS} | {PHONE}
{MY_ORG}//t.a.v. {ME_FULL}//{ADDRESS_ML}
{ME_FULL}//{ROLE} {MY_ORG}//M: {PHONE} | E: {ME_EMAIL}
""".strip().splitlines()

# Sentences with a name or an address.
BODY_ENTITIES = """
Mijn vrouw {FIRST} heeft gisteren al gebeld maar er is nog niets gebeurd.
Mijn man {FIRST} beheert normaal de website, maar hij is deze week op vakantie.
Mijn collega {NAME} kan sinds vanochtend niet meer inloggen op de webmail.
Kunnen jullie het account overzetten op naam van {FULL}?
Het contract staat nog op naam van mijn vader, {FULL}.
Namens mijn moeder, {FULL}, wil ik het abonnement opzeggen.
Ons nieuwe adres is {ADDRESS}.
We zijn verhuisd naar {ADDRESS}, willen jullie dat aanpassen?
Het factuuradres moet worden://{ADDRESS_ML}
Graag de facturen voortaan naar {ADDRESS} sturen.
Stuur de brief maar naar {ADDRESS} t.a.v. {FULL}.
{FIRST} van de boekhouding vraagt of factuur {INVOICE} al betaald is.
Ik heb net gebeld met {AGENT} en die zei dat ik een mail moest sturen.
Volgens {AGENT} zou het probleem vandaag opgelost zijn.
Mevrouw {LAST} van {ORG} heeft toegang nodig tot het DNS-beheer.
Dhr. {LAST} is vanaf volgende maand onze contactpersoon.
Graag de mailbox van {FIRST} ({EMAIL}) verwijderen, zij is uit dienst.
Ik woon op {STREET_NR} in {CITY}.
Afleveradres: {ADDRESS}
Bezoekadres: {ADDRESS}
Postadres://{ADDRESS_ML}
Contactpersoon: {FULL}
Contactpersoon: {INIT}, {PHONE}
Dit is {FIRST}, de dochter van {FULL}.
Mijn schoonzoon {FIRST} heeft de website destijds gebouwd.
Vraag het anders even aan {FIRST}, die weet er meer van.
{FULL} ({PHONE}) is vandaag tot 17:00 bereikbaar.
De nieuwe eigenaar is {FULL}, {ADDRESS}.
Wij hebben de zaak overgenomen van {FULL}.
Onze webbouwer {NAME} heeft de DNS aangepast, sindsdien werkt de mail niet meer.
Ik ben {ME_FULL} en ik heb een vraag over mijn factuur.
Mijn naam is {ME_FULL}, klantnummer {CUSTNR}.
Ik bel namens {FULL}, hij ligt in het ziekenhuis.
Kan {FIRST} ook een eigen mailadres krijgen, bijvoorbeeld {EMAIL}?
Zet {NAME} maar als technisch contact in het domein.
De domeinnaam staat nog op naam van {INIT}, maar die werkt hier niet meer.
Het pakket moet naar {STREET_NR}, dat is de achteringang.
Ons kantoor is verhuisd van {STREET_NR} naar {ADDRESS}.
De aanvraag is gedaan door {LAST} van de afdeling ICT.
{FIRST} en ik delen het account, kunnen we allebei inloggen?
Ik heb gisteren gesproken met {AGENT} van jullie helpdesk.
Oud adres: {ADDRESS}//Nieuw adres: {ADDRESS}
Wie is {FULL}? Die staat ineens als gebruiker in ons dashboard.
Mijn buurvrouw {FIRST} zei dat het bij haar ook niet werkt.
De rekening is betaald door {FULL} uit {CITY}.
Mijn zoon {FIRST} ({AGE} jaar) heeft per ongeluk op verwijderen geklikt.
Graag contact opnemen met {NAME} op {PHONE}.
De sleutel ligt bij {FIRST} op {STREET_NR}.
Kunnen jullie {FULL} toevoegen als gebruiker met beheerrechten?
In de WHOIS staat nog {FULL}, {ADDRESS}, dat moet {MY_ORG} worden.
Ter attentie van {FULL}
T.a.v. de heer {INIT}
Hierbij machtig ik {FULL} om namens mij het domein te verhuizen.
Het was {AGENT} die mij vorige week heeft geholpen, die wist er alles van.
Ik heb het wachtwoord doorgegeven aan {FIRST}, is dat een probleem?
Bij {FIRST} thuis doet de mail het wel, bij mij niet.
{FULL} heeft ons bedrijf verlaten, kunnen jullie zijn account blokkeren?
Vanaf 1 januari is ons adres {ADDRESS}.
Locatie van de server: {ADDRESS}
Het gaat om de vestiging aan de {STREET_NR}.
Ik ben bereikbaar op {PHONE} of via {FIRST} op {PHONE}.
Naam: {FULL}
Naam aanvrager: {FULL}
Adres: {ADDRESS}
Woonadres: {ADDRESS}
Geboren {DATE}, {FULL}
Mijn {REL} {FIRST} heeft het wachtwoord veranderd.
Mijn {REL}, {FULL}, heeft ook toegang nodig.
Ik heb het aan mijn {REL} {FIRST} gevraagd, maar die weet het ook niet.
Het account is van mijn {REL} {FULL}.
""".strip().splitlines()

# Sentences without a name or an address (look-alikes included on purpose).
BODY_NEUTRAL = """
Sinds gisteravond kan ik niet meer inloggen op {DOMAIN}.
De website {DOMAIN} geeft een 500-fout sinds de update van {PRODUCT}.
Ik heb {PRODUCT} {VERSION} geïnstalleerd maar de plugin doet het niet meer.
Ons kantoor in {CITY} heeft sinds {WEEKDAY} geen mail meer.
We hebben een winkel aan de {STREET} in {CITY}.
Mijn klantnummer is {CUSTNR}.
Factuur {INVOICE} is al betaald via iDEAL.
Kunnen jullie de A-record van {DOMAIN} naar {IP} laten wijzen?
Bij {ORG} werkt de mail gewoon, dus het ligt aan jullie server.
Wij zijn {MY_ORG} uit {CITY}.
Ik heb het pakket {PLAN} maar wil upgraden naar {PLAN}.
Op {WEEKDAY} {DATE} om {TIME} ging het mis.
Poort {PORT} staat dicht in de firewall.
De foutmelding is: {ERROR}
Het certificaat van {DOMAIN} is verlopen.
Kunnen jullie de back-up van {DATE} terugzetten?
Ik krijg steeds de melding "ongeldige gebruikersnaam of wachtwoord".
De mail komt niet aan bij klanten met een adres van {MAILHOST}.
Graag de automatische verlenging uitzetten.
Hoeveel kost het om de opslag uit te breiden naar {NUM} GB?
Ik heb de DNS-instellingen gecontroleerd maar zie niets vreemds.
Wanneer is het onderhoud aan {PRODUCT} klaar?
Onze webshop draait op {PRODUCT} met {PRODUCT}.
Het bedrag van {AMOUNT} is twee keer afgeschreven.
Kan ik de factuur ook per post ontvangen?
De nieuwe medewerker begint maandag, kunnen jullie een mailbox aanmaken?
Ik woon in {CITY} en daar is het glasvezelnetwerk eruit.
In {CITY} en {CITY} hebben onze klanten hetzelfde probleem.
Wij zitten op het bedrijventerrein aan de {STREET}.
Versie {VERSION} van {PRODUCT} geeft een witte pagina.
Het ticketnummer is {TICKET}.
Kunnen jullie bevestigen dat de verhuizing van {DOMAIN} gelukt is?
Sinds de update naar {PRODUCT} {VERSION} is de site erg traag.
Dit is de derde keer deze maand dat de server plat ligt!
Ik heb het wachtwoord al drie keer gereset, maar die mail komt niet aan.
Is er een storing? Ik kan {DOMAIN} niet bereiken.
Graag het account van {EMAIL} opheffen.
Mail naar {EMAIL} komt terug met {ERROR}.
We gebruiken {PRODUCT} op kantoor en {PRODUCT} thuis.
Stap {NUM} van de handleiding lukt niet.
Artikel {NUM} van de voorwaarden zegt iets anders.
Kamer {NUM} op de tweede verdieping heeft geen wifi.
Ons IP-adres is {IP}, kunnen jullie dat whitelisten?
Alvast bedankt voor de snelle reactie.
Laat maar weten als jullie nog iets nodig hebben.
Ik hoor graag zo snel mogelijk van jullie.
Excuses voor de lange mail.
Zie de bijlage voor een screenshot.
Het gaat om het domein {DOMAIN} en het subdomein {DOMAIN}.
De SPF-record bevat nu include:{MAILHOST}, klopt dat?
Sinds {MONTH} betalen we {AMOUNT} per maand, dat was {AMOUNT}.
Ik ben klant sinds {YEAR} en nog nooit zo'n slechte service gehad.
Welke nameservers moet ik instellen bij {ORG}?
Kunnen jullie kijken naar order {INVOICE}?
Het ging mis na de migratie van {PRODUCT} naar {PRODUCT}.
Mag ik vragen waarom mijn account is geblokkeerd?
De server {HOST} reageert niet meer op ping.
Wij hebben {NUM} mailboxen nodig voor het team in {CITY}.
Onze vestigingen in {CITY}, {CITY} en {CITY} zijn offline.
Ik ben tot {DATE} op vakantie in {COUNTRY}.
Op de {STREET} is vanochtend de stroom uitgevallen.
Het nummer van de storing was {TICKET}.
""".strip().splitlines()

# Chat lines (lower case and short are added by the composer's noise).
CHAT = """
hoi, ik kan niet inloggen
hallo is er iemand?
mn site ligt eruit
ik ben {ME_FIRST} van {MY_ORG}
dit is {ME_FULL}, klantnummer {CUSTNR}
mijn vrouw {FIRST} krijgt geen mail meer binnen
kun je {FIRST} even terugbellen op {PHONE}
adres is {ADDRESS}
we zitten nu op {ADDRESS}
stuur maar naar {STREET_NR}
ok top dank je {AGENT}
thanks {AGENT}!
nee dat was {FIRST}, niet ik
{FIRST} zegt dat het nog steeds niet werkt
heb net met {AGENT} gesproken
de domeinnaam is {DOMAIN}
is {DOMAIN} down?
foutmelding {ERROR}
welke poort moet ik gebruiken voor smtp?
graag snel reactie, klanten bellen al
ik woon in {CITY} trouwens
groetjes {ME_FIRST}
gr {ME_FIRST}
""".strip().splitlines()

WEBFORM_FIELDS = {
    "name": ["Naam", "Uw naam", "Volledige naam", "Contactpersoon"],
    "email": ["E-mail", "E-mailadres", "Uw e-mailadres"],
    "phone": ["Telefoon", "Telefoonnummer", "Mobiel"],
    "address": ["Adres", "Straat + huisnummer", "Postadres", "Factuuradres"],
    "company": ["Bedrijf", "Bedrijfsnaam", "Organisatie"],
    "subject": ["Onderwerp"],
    "message": ["Bericht", "Uw vraag", "Omschrijving"],
}

SUBJECTS = ["Inloggen lukt niet", "Factuur", "Verhuizing", "Storing mail", "Vraag over mijn pakket", "Opzeggen",
            "Adreswijziging", "Website offline", "Nieuwe gebruiker", "Domein verhuizen", "Wachtwoord vergeten"]

QUOTE_HEADERS = [
    "Op {WEEKDAY} {DATE} om {TIME} schreef {FULL} <{EMAIL}>:",
    "Op {DATE} {TIME} schreef {AGENT} van support:",
    "Van: {FULL} <{EMAIL}>//Verzonden: {WEEKDAY} {DATE} {TIME}//Aan: support//Onderwerp: Re: storing",
    "-----Oorspronkelijk bericht-----//Van: {FULL}//Datum: {DATE}",
]

ROLES = ["Eigenaar", "Directeur", "Office manager", "Boekhouding", "ICT", "Marketing", "Praktijkhouder", "Zzp'er",
         "Webmaster", "Administratie", "Bedrijfsleider", "Penningmeester"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
RELATIONS = ["vrouw", "man", "vriendin", "vriend", "partner", "dochter", "zoon", "moeder", "vader", "collega",
             "buurman", "schoonzoon", "zus", "broer", "stagiair", "compagnon"]
COUNTRIES = ["Spanje", "Frankrijk", "Turkije", "Marokko", "Suriname", "Duitsland", "Italië", "Portugal"]

# Harde negatieven (issue 16): organisaties, producten, teams, plaatsen zonder straat en groeten die geen
# PERSON of ADDRESS mogen worden. Er is niets in gelabeld.
BODY_NEGATIVE = """
We zijn vorige week van {PRODUCT} naar {PRODUCT} overgestapt.
{ORG} stuurt ons de facturen, kunnen jullie daar naar kijken?
Team {TEAM} kan sinds {DATE} niet meer bij de mailbox.
Ik heb dit doorgestuurd naar {ORG} en naar de support van {PRODUCT}.
Ons kantoor in {CITY} heeft geen internet, dat in {CITY} wel.
De {PRODUCT}-plugin crasht na de update naar {VERSION}.
Is {ORG} nog klant bij jullie?
{ORG} heeft het domein {DOMAIN} overgenomen.
Beste {PRODUCT} team, de back-up is weer mislukt.
Ik zit {WEEKDAY} in {CITY}.
Groeten uit {CITY}!
Het {PLAN} pakket van {ORG} loopt af op {DATE}.
De hosting van {ORG} en {ORG} staat op dezelfde server.
Team {TEAM} neemt contact op over de verhuizing.
We gebruiken {PRODUCT} en {PRODUCT} voor de winkel in {CITY}.
Onze boekhouder {ORG} heeft toegang nodig tot de facturen.
""".strip().splitlines()

ORG_SIGNATURES = """
Team {TEAM}
Team {TEAM}//{MY_ORG}
{MY_ORG}//{CITY}
{MY_ORG}//Afdeling {TEAM}//{PHONE}
Team {TEAM} | {MY_ORG}
Klantenservice//{MY_ORG}//{DOMAIN}
{MY_ORG}
Support {MY_ORG}
""".strip().splitlines()

TEAMS = ["Support", "Verkoop", "Financiën", "ICT", "Marketing", "Webshop", "Administratie", "Klantenservice",
         "Planning", "Boekhouding", "Helpdesk", "Ontwikkeling", "Hosting", "Beveiliging", "Backoffice", "Service"]
