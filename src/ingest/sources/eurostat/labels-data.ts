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
# reason FAM, EDUC, OTH (tps00171, all valid permits): Eurostat's REASON code list as the dissemination API takes it
# for the residence-permit tables (migr_resfirst ... &reason=TOTAL&reason=FAM&reason=EDUC&reason=EMP&reason=OTH).
# Edit this file, then run test/eurostat/labels-embedded.test.ts with MIGMON_UPDATE_EMBEDDED=1.
# Code - (citizen only): an aggregate or historical category of the third-party derived tables
# (eurostat/derived_*_by_citizenship_*) whose Eurostat code could not be checked. The derived-table parser leaves
# those rows out (indicators read countries, never aggregates); any other parser refuses - as an unknown code.
# Country labels added for the derived tables (Czechia, Türkiye, Viet Nam, Cabo Verde, ...) were checked against
# the ISO 3166-1 English short names (i18n-iso-countries and the ISO Online Browsing Platform).
dimension,code,label
age,TOTAL,Total
age,Y15-64,From 15 to 64 years
age,Y15-74,From 15 to 74 years
apprehen,TOTAL,Total
asyl_app,ASY_APP,Asylum applicant
asyl_app,NASY_APP,First time applicant
border,TOTAL,Total
c_birth,EFTA_FOR,European Free Trade Association except reporting country
c_birth,EU27_2020_FOR,EU27 countries (from 2020) except reporting country
c_birth,FOR,Foreign country
c_birth,NAT,Reporting country
c_birth,NEU27_2020_FOR,Non-EU27 countries (from 2020) nor reporting country
citizen,AD,Andorra
citizen,AE,United Arab Emirates
citizen,AF,Afghanistan
citizen,AG,Antigua and Barbuda
citizen,AI,Anguilla
citizen,AL,Albania
citizen,AM,Armenia
citizen,AO,Angola
citizen,AR,Argentina
citizen,AT,Austria
citizen,AU,Australia
citizen,AW,Aruba
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
citizen,BL,Saint Barthélemy
citizen,BM,Bermuda
citizen,BN,Brunei Darussalam
citizen,BO,Bolivia
citizen,BQ,"Bonaire, Saint Eustatius and Saba"
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
citizen,CI,Côte d’Ivoire
citizen,CK,Cook Islands (NZ)
citizen,CL,Chile
citizen,CM,Cameroon
citizen,CN,China
citizen,CN,China (including Hong Kong)
citizen,CO,Colombia
citizen,CR,Costa Rica
citizen,CU,Cuba
citizen,CV,Cabo Verde
citizen,CV,Cape Verde
citizen,CW,Curaçao
citizen,CY,Cyprus
citizen,CZ,Czech Republic
citizen,CZ,Czechia
citizen,DE,Germany
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
citizen,FK,Falkland Islands
citizen,FM,Federated States of Micronesia
citizen,FO,Faroes
citizen,FOR,Foreign country
citizen,FOR_STLS,Foreign country and stateless
citizen,FR,France
citizen,GA,Gabon
citizen,GD,Grenada
citizen,GE,Georgia
citizen,GG,Guernsey
citizen,GH,Ghana
citizen,GI,Gibraltar
citizen,GL,Greenland
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
citizen,IM,Isle of Man
citizen,IN,India
citizen,IQ,Iraq
citizen,IR,Iran
citizen,IS,Iceland
citizen,IT,Italy
citizen,JE,Jersey
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
citizen,KY,Cayman Islands
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
citizen,MF,Saint Martin
citizen,MG,Madagascar
citizen,MH,Marshall Islands
citizen,MK,"Former Yugoslav Republic of Macedonia, the"
citizen,MK,North Macedonia
citizen,ML,Mali
citizen,MM,Myanmar/Burma
citizen,MN,Mongolia
citizen,MR,Mauritania
citizen,MS,Montserrat
citizen,MT,Malta
citizen,MU,Mauritius
citizen,MV,Maldives
citizen,MW,Malawi
citizen,MX,Mexico
citizen,MY,Malaysia
citizen,MZ,Mozambique
citizen,NA,Namibia
citizen,NAT,Reporting country
citizen,NC,New Caledonia
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
citizen,PF,French Polynesia
citizen,PG,Papua New Guinea
citizen,PH,Philippines
citizen,PK,Pakistan
citizen,PL,Poland
citizen,PM,Saint Pierre and Miquelon
citizen,PN,Pitcairn Islands
citizen,PS,Palestine
citizen,PS,Palestine*
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
citizen,SH,"Saint Helena, Ascension and Tristan da Cunha"
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
citizen,SX,Sint Maarten
citizen,SY,Syria
citizen,SZ,Eswatini
citizen,SZ,Swaziland
citizen,TC,Turks and Caicos Islands
citizen,TD,Chad
citizen,TF,French Southern and Antarctic Lands
citizen,TG,Togo
citizen,TH,Thailand
citizen,TJ,Tajikistan
citizen,TL,Timor-Leste
citizen,TM,Turkmenistan
citizen,TN,Tunisia
citizen,TO,Tonga
citizen,TOTAL,Total
citizen,TR,Turkey
citizen,TR,Türkiye
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
citizen,VA,Holy See
citizen,VA,Vatican City State
citizen,VC,Saint Vincent and the Grenadines
citizen,VE,Venezuela
citizen,VG,British Virgin Islands
citizen,VN,Viet Nam
citizen,VN,Vietnam
citizen,VU,Vanuatu
citizen,WF,Wallis and Futuna
citizen,WS,Samoa
citizen,XK,Kosovo (under United Nations Security Council Resolution 1244/99)
citizen,XK,Kosovo*
citizen,YE,Yemen
citizen,YT,Mayotte (FR - part of EU as of 01.01.2014)
citizen,ZA,South Africa
citizen,ZM,Zambia
citizen,ZW,Zimbabwe
citizen,-,Africa
citizen,-,America
citizen,-,Asia
citizen,-,Australia and New Zealand
citizen,-,Candidate countries from 2022 (8 countries) except reporting country
citizen,-,Candidate countries from 2023 (9 countries) except reporting country
citizen,-,Candidate countries in 2007 (3 countries)
citizen,-,Candidate countries in 2010 (4 countries)
citizen,-,Caribbean
citizen,-,Central Africa
citizen,-,Central America
citizen,-,Central Asia
citizen,-,"Countries other than EU, EFTA and Candidate countries"
citizen,-,Czechoslovakia
citizen,-,EU15 countries (1995-2004) except reporting country
citizen,-,EU25 countries (2004-2006) except reporting country
citizen,-,EU27 countries (2007-2013) except reporting country
citizen,-,EU28 countries (2013-2020) except reporting country
citizen,-,Eastern Africa
citizen,-,Eastern Asia
citizen,-,Europe
citizen,-,European Free Trade Association
citizen,-,European Union - 15 countries (1995-2004)
citizen,-,European Union - 25 countries (2004-2006)
citizen,-,European Union - 27 countries (2007-2013)
citizen,-,European Union - 28 countries (2013-2020)
citizen,-,"Highly developed countries (other than EU, EFTA and Candidate countries)"
citizen,-,"Less developed countries (other than EU, EFTA and Candidate countries)"
citizen,-,"Medium developed countries (other than EU, EFTA and Candidate countries)"
citizen,-,Melanesia
citizen,-,Micronesia
citizen,-,Netherlands Antilles
citizen,-,Non-EU27 countries (2007-2013) nor reporting country and stateless
citizen,-,Non-EU28 countries (2013-2020) nor reporting country
citizen,-,Northern Africa
citizen,-,Northern America
citizen,-,Oceania
citizen,-,Other African countries (aggregate changing according to the context)
citizen,-,Other American countries (aggregate changing according to the context)
citizen,-,Other Asian countries (aggregate changing according to the context)
citizen,-,Other European countries (aggregate changing according to the context)
citizen,-,Other Oceanian countries (aggregate changing according to the context)
citizen,-,Others
citizen,-,Polynesia
citizen,-,Serbia and Montenegro
citizen,-,South America
citizen,-,South-Eastern Asia
citizen,-,Southern Africa
citizen,-,Southern Asia
citizen,-,Soviet Union
citizen,-,Western Africa
citizen,-,Western Asia
citizen,-,Yugoslavia
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
geo,KG,Kyrgyzstan
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
geo,TJ,Tajikistan
geo,TOTAL,Total
geo,TR,Turkey
geo,TR,Türkiye
geo,UA,Ukraine
geo,UK,United Kingdom
geo,US,United States
geo,UZ,Uzbekistan
geo,XK,Kosovo (under United Nations Security Council Resolution 1244/99)
geo,XK,Kosovo*
indic_de,JAN,Population on 1 January - total
reason,EDUC,Education reasons
reason,FAM,Family reasons
reason,OTH,Other reason
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
