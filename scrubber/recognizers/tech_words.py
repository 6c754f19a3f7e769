"""Product, platform and technical words that are written with a version or model number glued on.

"Office365", "Windows11", "Server2019", "iPhone15", "PHP8", "SHA256": the letters name a product, a standard
or an algorithm and the digits its version, so the token is no password (``scrubber.recognizers.secrets``).
Lower case; general knowledge of what a web host's customers run and mention, not taken from any corpus.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TECH_WORDS: frozenset[str] = _words(
    """
    office outlook excel word powerpoint teams onedrive sharepoint exchange windows win server sql mssql azure
    visio access project dynamics skype lync xbox surface hyperv iis dotnet net framework vista xp nt
    mac macos osx ios ipados iphone ipad ipod imac macbook watchos airpods airport homepod watch
    android pixel galaxy note tab nexus oneplus xiaomi redmi huawei nokia moto sony xperia
    ubuntu debian centos rhel fedora alma almalinux rocky rockylinux suse opensuse sles arch alpine
    mint kali freebsd openbsd netbsd linux kernel gentoo slackware proxmox esxi vmware vsphere hyper
    php python py java jdk jre node nodejs npm ruby rails perl go golang rust swift kotlin scala dart
    typescript ecmascript es js html css xhtml xml json yaml toml http https http2 http3 tls ssl ssh
    sftp ftp ftps smtp imap pop pop3 dns ipv ipv4 ipv6 tcp udp icmp ntp ldap ldaps snmp rdp vnc smb
    cifs nfs iscsi sata ssd hdd nvme raid usb usbc hdmi vga dvi pcie ddr ddr3 ddr4 ddr5 lpddr
    mysql mariadb postgres postgresql pgsql mongodb mongo redis memcached sqlite oracle db db2 mssql
    elasticsearch elastic kibana logstash opensearch solr cassandra couchdb influxdb rabbitmq kafka
    nginx apache httpd tomcat jetty lighttpd litespeed openlitespeed caddy haproxy varnish squid
    docker podman kubernetes k8s k3s helm terraform ansible puppet chef vagrant jenkins gitlab github
    bitbucket git svn mercurial composer pip yarn webpack vite babel
    wordpress wp woocommerce joomla drupal magento shopware prestashop opencart shopify lightspeed
    typo typo3 umbraco sitecore craft ghost hubspot mailchimp matomo analytics ga ga4 gtm yoast
    elementor divi avada astra bootstrap tailwind jquery react angular vue svelte next nuxt laravel
    symfony django flask express spring dotnetcore blazor
    plesk cpanel directadmin whm ispconfig virtualmin webmin cloudflare letsencrypt certbot
    sha sha1 sha2 sha3 sha224 sha256 sha384 sha512 md md4 md5 crc crc32 aes des rsa dsa ecdsa ed
    ed25519 ed448 x25519 curve25519 secp secp256k1 pbkdf pbkdf2 bcrypt scrypt argon argon2 argon2id
    hmac base base32 base58 base64 utf utf8 utf16 utf32 latin latin1 ascii iso cp cp1252 win1252 ansi
    unicode x86 x64 amd64 arm arm64 aarch64 i386 i686 mips riscv
    mp mp3 mp4 m4a m4v h264 h265 hevc av1 vp8 vp9 aac flac wav ogg mkv avi mov webm webp png jpg jpeg
    gif bmp tiff svg pdf heic heif
    intel core xeon celeron pentium atom amd ryzen epyc threadripper athlon nvidia geforce gtx rtx
    quadro radeon rx apple silicon m1 m2 m3 m4 snapdragon exynos
    dell hp lenovo thinkpad ideapad asus acer msi samsung lg philips synology ds qnap ts netgear
    fritzbox fritz tplink ubiquiti unifi mikrotik cisco juniper fortinet fortigate sophos watchguard
    kpn ziggo odido tmobile vodafone telenet proximus orange sfr bouygues
    ps ps4 ps5 playstation nintendo switch wii kindle echo alexa chromecast roku
    covid sars mers h1n1 g5 g20 g7 gdpr avg rfc ieee ietf ecma ansi nen en din
    room kamer flat unit suite floor verdieping level gate terminal platform perron hal zaal
    week day dag jaar year month maand quarter kwartaal q page pagina stap step fase phase
    versie version release build model type serie series generation gen mark mk klasse class
    web www mail smtp mx ns vps vm srv host node cluster pool shard zone region nas san lan wan vlan
    wifi wlan ap eth port poort
    chrome chromium firefox safari edge opera brave vivaldi thunderbird webmail roundcube horde rainloop
    gmail hotmail yahoo icloud protonmail
    """
)
