"""English support-message fragments with slots (see ``compose.SLOTS``); ``//`` is a line break.

Written for this generator from general knowledge of how customers of a web host write; not taken from
the evaluation corpora.
"""

from __future__ import annotations

GREETINGS = """
Hi {AGENT},
Hello {AGENT},
Dear {AGENT},
Hey {AGENT}!
Morning {AGENT},
Dear Mr {LAST},
Dear Mrs {LAST},
Dear Ms {LAST},
Dear Mr. {LAST},
Dear Dr {LAST},
Dear {FULL},
Hi there,
Hello,
Hi,
Dear Sir or Madam,
Dear support team,
Good morning,
Good afternoon,
To whom it may concern,
Hi team,
Hiya,
""".strip().splitlines()

CLOSINGS = """
Kind regards,
Best regards,
Regards,
Many thanks,
Thanks,
Thanks in advance,
Cheers,
Best,
Warm regards,
Yours sincerely,
Yours faithfully,
Thank you,
All the best,
Thx
""".strip().splitlines()

SIGNATURES = """
{ME}
{ME}
{ME_FULL}
{ME_FIRST}
{ME_FULL}//{MY_ORG}
{ME_FULL}//{MY_ORG}//{PHONE}
{ME_FULL}//{ROLE}, {MY_ORG}//Tel: {PHONE}//{DOMAIN}
{ME_FULL} | {MY_ORG}//{ADDRESS}
{ME_FULL}//{ADDRESS_ML}
{ME_FULL}//{ADDRESS_ML}//Mobile: {PHONE}
{ME_INIT}
{ME_INIT}//{MY_ORG}
{ME_FIRST} ({MY_ORG})
{ME_FULL}//Sent from my iPhone
{ME_FIRST}//--//{MY_ORG} | {ADDRESS} | {PHONE}
{MY_ORG}//FAO {ME_FULL}//{ADDRESS_ML}
{ME_FULL}//{ROLE} at {MY_ORG}//M: {PHONE} | E: {ME_EMAIL}
""".strip().splitlines()

BODY_ENTITIES = """
My wife {FIRST} called yesterday but nothing has happened since.
My husband {FIRST} normally looks after the website, but he is away this week.
My colleague {NAME} has not been able to log in to webmail since this morning.
Could you transfer the account to {FULL}?
The contract is still in my late father's name, {FULL}.
On behalf of my mother, {FULL}, I would like to cancel the subscription.
Our new address is {ADDRESS}.
We have moved to {ADDRESS}, could you update your records?
Please change the billing address to://{ADDRESS_ML}
Please send future invoices to {ADDRESS}.
Please post the letter to {ADDRESS}, FAO {FULL}.
{FIRST} from accounts is asking whether invoice {INVOICE} has been paid.
I just spoke to {AGENT} on the phone and was told to email you.
According to {AGENT} the issue would be fixed today.
Ms {LAST} from {ORG} needs access to the DNS settings.
Mr {LAST} will be our contact person from next month.
Please delete {FIRST}'s mailbox ({EMAIL}), she has left the company.
I live at {STREET_NR} in {CITY}.
Delivery address: {ADDRESS}
Registered office: {ADDRESS}
Postal address://{ADDRESS_ML}
Contact: {FULL}
Contact person: {INIT}, {PHONE}
This is {FIRST}, {FULL}'s daughter.
My son-in-law {FIRST} built the website a few years ago.
Maybe ask {FIRST}, she knows more about it.
{FULL} ({PHONE}) is available until 5pm today.
The new owner is {FULL}, {ADDRESS}.
We took over the business from {FULL} last year.
Our web developer {NAME} changed the DNS and now email is broken.
My name is {ME_FULL} and I have a question about my invoice.
I'm {ME_FULL}, customer number {CUSTNR}.
I'm writing on behalf of {FULL}, who is in hospital.
Can {FIRST} get her own address too, something like {EMAIL}?
Please add {NAME} as technical contact for the domain.
The domain is still registered to {INIT}, who no longer works here.
The parcel needs to go to {STREET_NR}, that's the back entrance.
Our office moved from {STREET_NR} to {ADDRESS}.
The request was made by {LAST} in IT.
{FIRST} and I share the account, can we both log in?
I spoke to {AGENT} from your helpdesk yesterday.
Old address: {ADDRESS}//New address: {ADDRESS}
Who is {FULL}? They suddenly appear as a user in our dashboard.
My neighbour {FIRST} says it doesn't work for her either.
The invoice was paid by {FULL} from {CITY}.
My son {FIRST} ({AGE}) clicked delete by accident.
Please contact {NAME} on {PHONE}.
The key is with {FIRST} at {STREET_NR}.
Could you add {FULL} as a user with admin rights?
WHOIS still shows {FULL}, {ADDRESS}; that should be {MY_ORG}.
Attn: {FULL}
FAO Mr {INIT}
I hereby authorise {FULL} to transfer the domain on my behalf.
It was {AGENT} who helped me last week, he knew everything about it.
I gave the password to {FIRST}, is that a problem?
Email works at {FIRST}'s house but not at mine.
{FULL} has left the company, can you block his account?
From 1 January our address will be {ADDRESS}.
Server location: {ADDRESS}
It concerns our branch at {STREET_NR}.
You can reach me on {PHONE} or {FIRST} on {PHONE}.
Name: {FULL}
Applicant: {FULL}
Address: {ADDRESS}
Home address: {ADDRESS}
Born {DATE}, {FULL}
My {REL} {FIRST} changed the password.
My {REL}, {FULL}, needs access as well.
I asked my {REL} {FIRST}, but they don't know either.
The account belongs to my {REL} {FULL}.
""".strip().splitlines()

BODY_NEUTRAL = """
Since last night I can't log in to {DOMAIN} any more.
The site {DOMAIN} returns a 500 error since the {PRODUCT} update.
I installed {PRODUCT} {VERSION} but the plugin stopped working.
Our office in {CITY} has had no email since {WEEKDAY}.
We have a shop on {STREET} in {CITY}.
My customer number is {CUSTNR}.
Invoice {INVOICE} was already paid by card.
Could you point the A record of {DOMAIN} to {IP}?
Email works fine at {ORG}, so it must be your server.
We are {MY_ORG} from {CITY}.
I'm on the {PLAN} plan but would like to upgrade to {PLAN}.
On {WEEKDAY} {DATE} at {TIME} it went wrong.
Port {PORT} is blocked in the firewall.
The error message is: {ERROR}
The certificate for {DOMAIN} has expired.
Could you restore the backup from {DATE}?
I keep getting "invalid username or password".
Mail doesn't reach customers with an address at {MAILHOST}.
Please switch off auto-renewal.
How much would it cost to increase storage to {NUM} GB?
I checked the DNS settings but can't see anything wrong.
When will the maintenance on {PRODUCT} be finished?
Our shop runs on {PRODUCT} with {PRODUCT}.
The amount of {AMOUNT} was charged twice.
Can I get the invoice by post as well?
A new starter joins on Monday, could you create a mailbox?
I live in {CITY} and the fibre network is down.
Customers in {CITY} and {CITY} have the same problem.
We are on the business park off {STREET}.
Version {VERSION} of {PRODUCT} shows a blank page.
The ticket number is {TICKET}.
Can you confirm the transfer of {DOMAIN} went through?
Since upgrading to {PRODUCT} {VERSION} the site is really slow.
This is the third time this month the server has gone down!
I've reset the password three times but the email never arrives.
Is there an outage? I can't reach {DOMAIN}.
Please close the account for {EMAIL}.
Mail to {EMAIL} bounces with {ERROR}.
We use {PRODUCT} in the office and {PRODUCT} at home.
Step {NUM} of the guide doesn't work.
Section {NUM} of your terms says something different.
Room {NUM} on the second floor has no wifi.
Our IP address is {IP}, could you whitelist it?
Thanks in advance for the quick response.
Let me know if you need anything else.
I look forward to hearing from you.
Sorry for the long email.
See the attached screenshot.
It's about the domain {DOMAIN} and the subdomain {DOMAIN}.
The SPF record now includes include:{MAILHOST}, is that right?
Since {MONTH} we pay {AMOUNT} a month, it used to be {AMOUNT}.
I've been a customer since {YEAR} and never had service this bad.
Which nameservers should I set at {ORG}?
Could you look into order {INVOICE}?
It broke after the migration from {PRODUCT} to {PRODUCT}.
May I ask why my account has been suspended?
The server {HOST} no longer answers pings.
We need {NUM} mailboxes for the team in {CITY}.
Our branches in {CITY}, {CITY} and {CITY} are offline.
I'm on holiday in {COUNTRY} until {DATE}.
There was a power cut on {STREET} this morning.
The incident number was {TICKET}.
""".strip().splitlines()

CHAT = """
hi, can't log in
hello is anyone there?
my site is down
this is {ME_FIRST} from {MY_ORG}
it's {ME_FULL}, customer no {CUSTNR}
my wife {FIRST} isn't getting any email
can you call {FIRST} back on {PHONE}
address is {ADDRESS}
we're at {ADDRESS} now
send it to {STREET_NR}
ok great thanks {AGENT}
thanks {AGENT}!
no that was {FIRST}, not me
{FIRST} says it still doesn't work
just spoke to {AGENT}
domain is {DOMAIN}
is {DOMAIN} down?
error {ERROR}
which port do i use for smtp?
please be quick, customers are calling
i'm in {CITY} btw
cheers {ME_FIRST}
thx {ME_FIRST}
""".strip().splitlines()

WEBFORM_FIELDS = {
    "name": ["Name", "Your name", "Full name", "Contact name"],
    "email": ["Email", "E-mail address", "Your email"],
    "phone": ["Phone", "Phone number", "Mobile"],
    "address": ["Address", "Street address", "Postal address", "Billing address"],
    "company": ["Company", "Organisation", "Business name"],
    "subject": ["Subject"],
    "message": ["Message", "Your question", "Details"],
}

SUBJECTS = ["Can't log in", "Invoice", "Moving", "Email outage", "Question about my plan", "Cancellation",
            "Change of address", "Website down", "New user", "Domain transfer", "Forgotten password"]

QUOTE_HEADERS = [
    "On {WEEKDAY}, {DATE} at {TIME}, {FULL} <{EMAIL}> wrote:",
    "On {DATE} {TIME}, {AGENT} from support wrote:",
    "From: {FULL} <{EMAIL}>//Sent: {WEEKDAY} {DATE} {TIME}//To: support//Subject: Re: outage",
    "-----Original Message-----//From: {FULL}//Date: {DATE}",
]

ROLES = ["Owner", "Director", "Office Manager", "Accounts", "IT", "Marketing", "Practice Manager", "Freelancer",
         "Webmaster", "Administrator", "Managing Director", "Treasurer"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
RELATIONS = ["wife", "husband", "girlfriend", "boyfriend", "partner", "daughter", "son", "mother", "father",
             "colleague", "neighbour", "son-in-law", "sister", "brother", "intern", "business partner"]
COUNTRIES = ["Spain", "France", "Turkey", "Morocco", "Portugal", "Germany", "Italy", "Greece"]

# Hard negatives (issue 16): organisations, products, teams, places without a street and greetings that
# must not become PERSON or ADDRESS. Nothing in them is labelled.
BODY_NEGATIVE = """
We moved our website from {PRODUCT} to {PRODUCT} last week.
{ORG} sends us the invoices, could you check them?
Team {TEAM} cannot reach the mailbox since {DATE}.
I have forwarded this to {ORG} and to {PRODUCT} support.
Our office in {CITY} has no internet, the one in {CITY} is fine.
The {PRODUCT} plugin crashes after the update to {VERSION}.
Is {ORG} still a customer of yours?
{ORG} took over the domain {DOMAIN}.
Dear {PRODUCT} team, the backup failed again.
I am travelling to {CITY} on {WEEKDAY}.
Greetings from {CITY}!
The {PLAN} plan of {ORG} expires on {DATE}.
Hosting for {ORG} and {ORG} is on the same server.
{TEAM} Team will contact you about the migration.
We use {PRODUCT} and {PRODUCT} for the shop in {CITY}.
Our accountant {ORG} needs access to the invoices.
""".strip().splitlines()

ORG_SIGNATURES = """
Team {TEAM}
The {TEAM} team//{MY_ORG}
{MY_ORG}//{CITY}
{MY_ORG}//Support Department//{PHONE}
{TEAM} Team | {MY_ORG}
Customer Service//{MY_ORG}//{DOMAIN}
{MY_ORG}
Support {MY_ORG}
""".strip().splitlines()

TEAMS = ["Support", "Sales", "Finance", "IT", "Marketing", "Webshop", "Billing", "Customer Care", "Operations",
         "Accounts", "Helpdesk", "Development", "Hosting", "Security", "Backoffice", "Service Desk"]
