// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// core/'s own: the fronts (ui/, cli/) reach hosts through session/ClusterSession, and only
// core/ and its tests are built with SLURMDECK_CORE_INTERNALS (docs/ARCHITECTURE.md).
#ifndef SLURMDECK_CORE_INTERNALS
#error "ssh/SshHandles.h is core's own; reach hosts through session/ClusterSession"
#endif

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <memory>

// RAII for every libssh handle: each one is released on every path, in the right way.
namespace SlurmDeck::SshHandles {

struct SessionDeleter
{
    void operator()(ssh_session session) const
    {
        if (ssh_is_connected(session))
            ssh_disconnect(session);
        ssh_free(session);
    }
};

struct ChannelDeleter
{
    void operator()(ssh_channel channel) const
    {
        if (ssh_channel_is_open(channel))
            ssh_channel_close(channel);
        ssh_channel_free(channel);
    }
};

struct SftpSessionDeleter
{
    void operator()(sftp_session sftp) const { sftp_free(sftp); }
};

struct SftpFileDeleter
{
    void operator()(sftp_file file) const { sftp_close(file); }
};

struct SftpAttributesDeleter
{
    void operator()(sftp_attributes attributes) const { sftp_attributes_free(attributes); }
};

struct KeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};

struct HashDeleter
{
    void operator()(unsigned char *hash) const { ssh_clean_pubkey_hash(&hash); }
};

struct CharDeleter
{
    void operator()(char *text) const { ssh_string_free_char(text); }
};

using Session = std::unique_ptr<ssh_session_struct, SessionDeleter>;
using Channel = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;
using Sftp = std::unique_ptr<sftp_session_struct, SftpSessionDeleter>;
using SftpFile = std::unique_ptr<sftp_file_struct, SftpFileDeleter>;
using SftpAttributes = std::unique_ptr<sftp_attributes_struct, SftpAttributesDeleter>;
using Key = std::unique_ptr<ssh_key_struct, KeyDeleter>;
using Hash = std::unique_ptr<unsigned char, HashDeleter>;
using CString = std::unique_ptr<char, CharDeleter>;

} // namespace SlurmDeck::SshHandles
