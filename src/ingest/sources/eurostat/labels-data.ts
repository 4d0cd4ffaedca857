/**
 * A copy of data/reference/eurostat-labels.csv (the curated table; edit that file, not this one), embedded so
 * that the parsers need no file access. test/eurostat/labels-embedded.test.ts fails when the two differ and, with
 * MIGMON_UPDATE_EMBEDDED=1, rewrites this file from the CSV.
 */
export const eurostatLabelsCsv = `# Eurostat's English labels -> Eurostat's codes, per dimension (lower-case dimension id), for the exports that print
# labels instead of codes: the data browser's "labels only" SDMX-CSV and the legacy appsso CSV (shared/data/eurostat).
# Built from the distinct labels of those real files. Codes are Eurostat's own (Greece EL, United Kingdom UK; the
# connector maps them to GR/GB afterwards), from Eurostat's code lists ESTAT:GEO, CITIZEN, SEX, AGE, UNIT, FREQ,
# INDIC_DE, ASYL_APP, DECISION (https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/codelist/ESTAT/<ID>);
# every pair that Eurostat itself prints in the full-variant SDMX-CSV files (code column + label column) is included
# and agrees. Old labels of the 2017 exports point to today's codes (European Union (27 countries) -> EU27_2007,
# Czech Republic -> CZ, Former Yugoslav Republic of Macedonia, the -> MK).
# Deliberately absent, because their codes could not be checked against the code list: the MIGR_EIPRE reason and
# apprehen labels other than Total, and "Non-EU27 countries (from 2020) nor EFTA countries" (citizen, c_birth); files
# with them fail with an UnknownCodeError that lists them, until they are added here.
# Edit this file, then run test/eurostat/labels-embedded.test.ts with MIGMON_UPDATE_EMBEDDED=1.
dimension,code,label
age,TOTAL,Total
age,Y15-64,From 15 to 64 years
age,Y15-74,From 15 to 74 years
apprehen,TOTAL,Total
asyl_app,ASY_APP,Asylum applicant
asyl_app,NASY_APP,First time applicant
c_birth,EFTA_FOR,European Free Trade Association except reporting country
c_birth,EU27_2020_FOR,EU27 countries (from 2020) except reporting country
c_birth,FOR,Foreign country
c_birth,NAT,Reporting country
c_birth,NEU27_2020_FOR,Non-EU27 countries (from 2020) nor reporting country
citizen,AD,Andorra
citizen,AE,United Arab Emirates
citizen,AF,Afghanistan
citizen,AG,Antigua and Barbuda
citizen,AL,Albania
citizen,AM,Armenia
citizen,AO,Angola
citizen,AR,Argentina
citizen,AT,Austria
citizen,AU,Australia
citizen,AZ,Azerbaijan
citizen,BA,Bosnia and Herzegovina
citizen,BB,Barbados
citizen,BD,Bangladesh
citizen,BE,Belgium
citizen,BF,Burkina Faso
citizen,BG,Bulgaria
citizen,BH,Bahrain
citizen,BI,Burundi
citizen,BJ,Benin
citizen,BN,Brunei Darussalam
citizen,BO,Bolivia
citizen,BR,Brazil
citizen,BS,Bahamas
citizen,BT,Bhutan
citizen,BW,Botswana
citizen,BY,Belarus
citizen,BZ,Belize
citizen,CA,Canada
citizen,CD,Democratic Republic of the Congo
citizen,CF,Central African Republic
citizen,CG,Congo
citizen,CH,Switzerland
citizen,CI,Côte d'Ivoire
citizen,CK,Cook Islands (NZ)
citizen,CL,Chile
citizen,CM,Cameroon
citizen,CN,China (including Hong Kong)
citizen,CO,Colombia
citizen,CR,Costa Rica
citizen,CU,Cuba
citizen,CV,Cape Verde
citizen,CY,Cyprus
citizen,CZ,Czech Republic
citizen,DE,Germany (until 1990 former territory of the FRG)
citizen,DJ,Djibouti
citizen,DK,Denmark
citizen,DM,Dominica
citizen,DO,Dominican Republic
citizen,DZ,Algeria
citizen,EC,Ecuador
citizen,EE,Estonia
citizen,EFTA_FOR,European Free Trade Association except reporting country
citizen,EG,Egypt
citizen,EH,Western Sahara
citizen,EL,Greece
citizen,ER,Eritrea
citizen,ES,Spain
citizen,ET,Ethiopia
citizen,EU27_2020_FOR,EU27 countries (from 2020) except reporting country
citizen,EXT_EU28,Extra-EU-28
citizen,FI,Finland
citizen,FJ,Fiji
citizen,FM,Federated States of Micronesia
citizen,FOR,Foreign country
citizen,FOR_STLS,Foreign country and stateless
citizen,FR,France
citizen,GA,Gabon
citizen,GD,Grenada
citizen,GE,Georgia
citizen,GH,Ghana
citizen,GM,"Gambia, The"
citizen,GN,Guinea
citizen,GQ,Equatorial Guinea
citizen,GT,Guatemala
citizen,GW,Guinea-Bissau
citizen,GY,Guyana
citizen,HN,Honduras
citizen,HR,Croatia
citizen,HT,Haiti
citizen,HU,Hungary
citizen,ID,Indonesia
citizen,IE,Ireland
citizen,IL,Israel
citizen,IN,India
citizen,IQ,Iraq
citizen,IR,Iran
citizen,IS,Iceland
citizen,IT,Italy
citizen,JM,Jamaica
citizen,JO,Jordan
citizen,JP,Japan
citizen,KE,Kenya
citizen,KG,Kyrgyzstan
citizen,KH,Cambodia
citizen,KI,Kiribati
citizen,KM,Comoros
citizen,KN,Saint Kitts and Nevis
citizen,KP,North Korea
citizen,KR,South Korea
citizen,KW,Kuwait
citizen,KZ,Kazakhstan
citizen,LA,Laos
citizen,LB,Lebanon
citizen,LC,Saint Lucia
citizen,LI,Liechtenstein
citizen,LK,Sri Lanka
citizen,LR,Liberia
citizen,LS,Lesotho
citizen,LT,Lithuania
citizen,LU,Luxembourg
citizen,LV,Latvia
citizen,LY,Libya
citizen,MA,Morocco
citizen,MC,Monaco
citizen,MD,Moldova
citizen,ME,Montenegro
citizen,MG,Madagascar
citizen,MH,Marshall Islands
citizen,MK,"Former Yugoslav Republic of Macedonia, the"
citizen,ML,Mali
citizen,MM,Myanmar/Burma
citizen,MN,Mongolia
citizen,MR,Mauritania
citizen,MT,Malta
citizen,MU,Mauritius
citizen,MV,Maldives
citizen,MW,Malawi
citizen,MX,Mexico
citizen,MY,Malaysia
citizen,MZ,Mozambique
citizen,NA,Namibia
citizen,NAT,Reporting country
citizen,NC,New Caledonia (FR)
citizen,NE,Niger
citizen,NEU27_2020_FOR,Non-EU27 countries (from 2020) nor reporting country
citizen,NG,Nigeria
citizen,NI,Nicaragua
citizen,NL,Netherlands
citizen,NO,Norway
citizen,NP,Nepal
citizen,NR,Nauru
citizen,NRP,No response
citizen,NZ,New Zealand
citizen,OM,Oman
citizen,PA,Panama
citizen,PE,Peru
citizen,PG,Papua New Guinea
citizen,PH,Philippines
citizen,PK,Pakistan
citizen,PL,Poland
citizen,PS,Palestine
citizen,PT,Portugal
citizen,PW,Palau
citizen,PY,Paraguay
citizen,QA,Qatar
citizen,RNC,Recognised non-citizens
citizen,RO,Romania
citizen,RS,Serbia
citizen,RU,Russia
citizen,RW,Rwanda
citizen,SA,Saudi Arabia
citizen,SB,Solomon Islands
citizen,SC,Seychelles
citizen,SD,Sudan
citizen,SE,Sweden
citizen,SG,Singapore
citizen,SI,Slovenia
citizen,SK,Slovakia
citizen,SL,Sierra Leone
citizen,SM,San Marino
citizen,SN,Senegal
citizen,SO,Somalia
citizen,SR,Suriname
citizen,SS,South Sudan
citizen,ST,São Tomé and Príncipe
citizen,STLS,Stateless
citizen,SV,El Salvador
citizen,SY,Syria
citizen,SZ,Swaziland
citizen,TD,Chad
citizen,TG,Togo
citizen,TH,Thailand
citizen,TJ,Tajikistan
citizen,TL,Timor-Leste
citizen,TM,Turkmenistan
citizen,TN,Tunisia
citizen,TO,Tonga
citizen,TOTAL,Total
citizen,TR,Turkey
citizen,TT,Trinidad and Tobago
citizen,TV,Tuvalu
citizen,TW,Taiwan
citizen,TZ,Tanzania
citizen,UA,Ukraine
citizen,UG,Uganda
citizen,UK,United Kingdom
citizen,UK_OCT,British overseas countries and territories
citizen,UNK,Unknown
citizen,US,United States
citizen,UY,Uruguay
citizen,UZ,Uzbekistan
citizen,VA,Vatican City State
citizen,VC,Saint Vincent and the Grenadines
citizen,VE,Venezuela
citizen,VN,Vietnam
citizen,VU,Vanuatu
citizen,WS,Samoa
citizen,XK,Kosovo (under United Nations Security Council Resolution 1244/99)
citizen,YE,Yemen
citizen,ZA,South Africa
citizen,ZM,Zambia
citizen,ZW,Zimbabwe
decision,REJECTED,Rejected
decision,TOTAL,Total
decision,TOTAL_POS,Total positive decisions
duration,TOTAL,Total
freq,A,Annual
freq,M,Monthly
geo,AD,Andorra
geo,AL,Albania
geo,AM,Armenia
geo,AT,Austria
geo,AZ,Azerbaijan
geo,BA,Bosnia and Herzegovina
geo,BE,Belgium
geo,BG,Bulgaria
geo,BY,Belarus
geo,CH,Switzerland
geo,CY,Cyprus
geo,CZ,Czech Republic
geo,CZ,Czechia
geo,DE,Germany
geo,DE,Germany (until 1990 former territory of the FRG)
geo,DE_TOT,Germany (including former GDR)
geo,DK,Denmark
geo,EA18,Euro area (18 countries)
geo,EA19,Euro area (19 countries)
geo,EA20,Euro area – 20 countries (from 2023)
geo,EE,Estonia
geo,EEA30_2007,"European Economic Area (EU-27 plus IS, LI, NO)"
geo,EEA31,"European Economic Area (EU-28 plus IS, LI, NO)"
geo,EFTA,European Free Trade Association
geo,EL,Greece
geo,ES,Spain
geo,EU27_2007,European Union (27 countries)
geo,EU27_2020,European Union - 27 countries (from 2020)
geo,EU28,European Union (28 countries)
geo,EU28,European Union - 28 countries (2013-2020)
geo,FI,Finland
geo,FR,France
geo,FX,France (metropolitan)
geo,GE,Georgia
geo,HR,Croatia
geo,HU,Hungary
geo,IE,Ireland
geo,IS,Iceland
geo,IT,Italy
geo,LI,Liechtenstein
geo,LT,Lithuania
geo,LU,Luxembourg
geo,LV,Latvia
geo,MC,Monaco
geo,MD,Moldova
geo,ME,Montenegro
geo,MK,"Former Yugoslav Republic of Macedonia, the"
geo,MK,North Macedonia
geo,MT,Malta
geo,NL,Netherlands
geo,NO,Norway
geo,PL,Poland
geo,PT,Portugal
geo,RO,Romania
geo,RS,Serbia
geo,RU,Russia
geo,SE,Sweden
geo,SI,Slovenia
geo,SK,Slovakia
geo,SM,San Marino
geo,TOTAL,Total
geo,TR,Turkey
geo,TR,Türkiye
geo,UA,Ukraine
geo,UK,United Kingdom
geo,XK,Kosovo (under United Nations Security Council Resolution 1244/99)
geo,XK,Kosovo*
indic_de,JAN,Population on 1 January - total
reason,TOTAL,Total
sex,F,Females
sex,M,Males
sex,T,Total
unit,NR,Number
unit,PC,Percentage
unit,PER,Person
unit,THS_PER,Thousand persons
wstatus,EMP,Employed persons
wstatus,INAC,Persons outside the labour force
wstatus,UNE,Unemployed persons
`;
